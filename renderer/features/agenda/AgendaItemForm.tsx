import { useState, type FormEvent } from 'react';
import type { AgendaItem, AgendaItemFields } from '../../../shared/domain/agenda';
// Values from the schema-free module: the meeting page needs no zod (issue 16).
import { AGENDA_ITEM_KINDS, AGENDA_ITEM_KIND_LABEL } from '../../../shared/domain/agenda-labels';
import { Choice, ErrorNote, Field } from '../../ui/kit';

export type ItemValues = AgendaItemFields;

export const emptyItem = (): ItemValues => ({ title: '', description: '', kind: 'discussion', presenter: '', plannedMinutes: 10, documents: [], forPublication: true });

export const itemValues = (i: AgendaItem): ItemValues => ({
  title: i.title,
  description: i.description,
  kind: i.kind,
  presenter: i.presenter,
  plannedMinutes: i.plannedMinutes,
  documents: i.documents.map((d) => ({ ...d })),
  forPublication: i.forPublication,
});

/** All fields of an agenda item, for adding or editing. */
export function AgendaItemForm(props: {
  initial: ItemValues;
  label: string;
  submitLabel: string;
  onSubmit: (v: ItemValues) => Promise<boolean>;
  onCancel?: () => void;
  error: unknown;
  busy: boolean;
  compact?: boolean;
}) {
  const [v, setV] = useState(props.initial);
  const set = <K extends keyof ItemValues>(k: K, value: ItemValues[K]) => setV((o) => ({ ...o, [k]: value }));
  const setDoc = (i: number, k: 'title' | 'reference', value: string) =>
    setV((o) => ({ ...o, documents: o.documents.map((d, j) => (j === i ? { ...d, [k]: value } : d)) }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await props.onSubmit({ ...v, documents: v.documents.filter((d) => d.title.trim() !== '') });
    if (ok && props.compact) setV({ ...props.initial });
  };

  return (
    <form className={props.compact ? 'item-form compact' : 'item-form card form-grid'} onSubmit={submit} aria-label={props.label}>
      <Field label="Item title" wide={!props.compact}>
        {(id) => <input id={id} value={v.title} onChange={(e) => set('title', e.target.value)} required maxLength={300} autoFocus={!props.compact} />}
      </Field>
      <Field label="Kind">
        {(id) => <Choice id={id} value={v.kind} choices={AGENDA_ITEM_KINDS} labels={AGENDA_ITEM_KIND_LABEL} onChoose={(k) => set('kind', k)} />}
      </Field>
      <Field label="Presenter">{(id) => <input id={id} value={v.presenter} onChange={(e) => set('presenter', e.target.value)} maxLength={200} />}</Field>
      <Field label="Minutes">
        {(id) => (
          <input
            id={id}
            type="number"
            min={0}
            max={1440}
            value={v.plannedMinutes}
            onChange={(e) => set('plannedMinutes', Math.max(0, Math.round(Number(e.target.value) || 0)))}
            className="narrow"
          />
        )}
      </Field>
      {!props.compact && (
        <>
          <Field label="Description" wide>
            {(id) => <textarea id={id} rows={3} value={v.description} onChange={(e) => set('description', e.target.value)} maxLength={4000} />}
          </Field>
          <fieldset className="wide documents">
            <legend>Documents</legend>
            {v.documents.map((d, i) => (
              <div className="doc-row" key={i}>
                <input aria-label={`Document ${i + 1} title`} value={d.title} placeholder="Title" onChange={(e) => setDoc(i, 'title', e.target.value)} />
                <input aria-label={`Document ${i + 1} reference`} value={d.reference} placeholder="Reference" onChange={(e) => setDoc(i, 'reference', e.target.value)} />
                <button type="button" onClick={() => set('documents', v.documents.filter((_, j) => j !== i))} aria-label={`Remove document ${i + 1}`}>
                  Remove
                </button>
              </div>
            ))}
            <button type="button" onClick={() => set('documents', [...v.documents, { title: '', reference: '' }])}>
              Add a document
            </button>
          </fieldset>
          <label className="check wide">
            <input type="checkbox" checked={v.forPublication} onChange={(e) => set('forPublication', e.target.checked)} /> For publication (included in the
            public summary)
          </label>
        </>
      )}
      <div className={props.compact ? 'form-actions' : 'form-actions wide'}>
        <button type="submit" className="primary" disabled={props.busy}>
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
        <ErrorNote error={props.error} />
      </div>
    </form>
  );
}
