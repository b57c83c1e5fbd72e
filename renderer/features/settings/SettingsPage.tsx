import { useState, type FormEvent } from 'react';
import { BodyUpdate, DEFAULT_DOCUMENT_CONVENTIONS, type Body } from '../../../shared/domain/body';
import { THEME_LABEL, THEMES, type Settings } from '../../../shared/domain/settings';
import { api } from '../../api';
import { bodyChanged } from '../../app/body';
import { ErrorNote, Field, useAction, useLoad } from '../../ui/kit';
import { settingsChanged } from './SettingsEffects';
import { applyTheme } from './theme';

/** This user's settings (theme, default redaction marker, export folder) and the body's details (in the database). */
export function SettingsPage() {
  const loaded = useLoad(() => Promise.all([api.call('settings.get', {}), api.call('body.get', {})]), []);
  const [s, setS] = useState<Settings | null>(null);
  const [body, setBody] = useState<Body | null>(null);
  const act = useAction();
  const [saved, setSaved] = useState(false);
  const [bodyErrors, setBodyErrors] = useState<Partial<Record<BodyField, string>>>({});
  // What was loaded becomes the form's state (adjusted while rendering, not in an effect).
  const [shownLoad, setShownLoad] = useState(loaded.value);
  if (loaded.value !== shownLoad) {
    setShownLoad(loaded.value);
    if (loaded.value) {
      setS(loaded.value[0]);
      setBody(loaded.value[1]);
    }
  }
  if (!s || !body) return <ErrorNote error={loaded.error} />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    // The body's details are checked here by the contract's own schema first: nothing is saved while one is wrong,
    // and what was typed stays in the form.
    const update = bodyUpdateOf(body);
    const checked = BodyUpdate.safeParse(update);
    if (!checked.success) {
      const errors: Partial<Record<BodyField, string>> = {};
      for (const issue of checked.error.issues) {
        const field = issue.path[0] as BodyField;
        errors[field] ??= `${BODY_LABEL[field] ?? 'This field'} ${issue.message}.`;
      }
      setBodyErrors(errors);
      return;
    }
    setBodyErrors({});
    const r = await act.run(async () => {
      const next = await api.call('settings.update', { theme: s.theme, redactionMarker: s.redactionMarker, defaultExportFolder: s.defaultExportFolder.trim() });
      const saved = await api.call('body.update', update);
      bodyChanged(saved);
      setBody(saved);
      return next;
    });
    if (r) {
      setS(r);
      settingsChanged(r);
      setSaved(true);
    }
  };
  const acknowledge = async () => {
    const r = await act.run(() => api.call('settings.update', { acknowledgeProblem: true }));
    if (r) {
      // Only the notice goes: a choice made in the form while the answer came (a theme, a marker) is kept.
      setS((cur) => (cur ? { ...cur, problem: r.problem } : r));
      settingsChanged(r);
    }
  };

  return (
    <section className="page">
      <div className="page-head">
        <h1 tabIndex={-1}>Settings</h1>
      </div>
      {s.problem && (
        <div className="error-note" role="alert">
          <span>{s.problem}</span>{' '}
          <button type="button" className="link" onClick={() => void acknowledge()}>
            Understood
          </button>
        </div>
      )}
      <form className="settings-form" onSubmit={submit} aria-label="Settings">
        <fieldset>
          <legend>Appearance</legend>
          {THEMES.map((t) => (
            <label key={t} className="check">
              <input
                type="radio"
                name="theme"
                value={t}
                checked={s.theme === t}
                onChange={() => {
                  setS({ ...s, theme: t });
                  applyTheme(t);
                }}
              />
              {THEME_LABEL[t]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Documents</legend>
          <Field label="Redaction marker for new meetings" hint="Replaces every flagged passage in the public summary. Each meeting keeps its own; change it there for one meeting.">
            {(id) => <input id={id} value={s.redactionMarker} maxLength={20} required onChange={(e) => setS({ ...s, redactionMarker: e.target.value })} />}
          </Field>
          <Field label="Default export folder" hint="The desktop app's save dialog opens here; leave empty to open the folder used last. (The browser host saves to its downloads.)">
            {(id) => <input id={id} value={s.defaultExportFolder} maxLength={4096} onChange={(e) => setS({ ...s, defaultExportFolder: e.target.value })} />}
          </Field>
        </fieldset>
        <fieldset aria-label="Body and documents">
          <legend>Body and documents</legend>
          <p className="hint">The conventions every document of the body follows: the live preview and every export use them.</p>
          {BODY_FIELDS.map(({ field, hint, max, list }) => (
            <Field key={field} label={BODY_LABEL[field]} hint={hint}>
              {(id) => (
                <>
                  <input
                    id={id}
                    name={field}
                    value={body[field]}
                    maxLength={max}
                    list={list ? `${id}-list` : undefined}
                    aria-invalid={bodyErrors[field] ? true : undefined}
                    aria-describedby={bodyErrors[field] ? `${id}-error` : undefined}
                    onChange={(e) => {
                      setBody({ ...body, [field]: e.target.value });
                      if (bodyErrors[field]) setBodyErrors({ ...bodyErrors, [field]: undefined });
                    }}
                  />
                  {list && (
                    <datalist id={`${id}-list`}>
                      {timeZones().map((z) => (
                        <option key={z} value={z} />
                      ))}
                    </datalist>
                  )}
                  {bodyErrors[field] && (
                    <small id={`${id}-error`} className="field-error" role="alert">
                      {bodyErrors[field]}
                    </small>
                  )}
                </>
              )}
            </Field>
          ))}
        </fieldset>
        <ErrorNote error={act.error} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={act.busy}>
            Save settings
          </button>
          {saved && (
            <span role="status" className="muted">
              Saved.
            </span>
          )}
        </div>
      </form>
    </section>
  );
}

type BodyField = 'name' | 'chair' | 'referencePrefix' | 'placeOfIssue' | 'timeZone' | 'language' | 'internalMarking';

const BODY_LABEL: Record<BodyField, string> = {
  name: 'Name of the body',
  chair: 'Chaired by',
  referencePrefix: 'Reference prefix',
  placeOfIssue: 'Place of issue',
  timeZone: 'Time zone',
  language: 'Document language',
  internalMarking: 'Marking of internal documents',
};

const D = DEFAULT_DOCUMENT_CONVENTIONS;
const BODY_FIELDS: ReadonlyArray<{ field: BodyField; hint?: string; max: number; list?: true }> = [
  { field: 'name', max: 300 },
  { field: 'chair', max: 200, hint: 'Printed in the public summary and the minutes.' },
  { field: 'referencePrefix', max: 60, hint: `Each document's reference starts with it, then the meeting's year and number (${D.referencePrefix}/2026/01/MIN).` },
  { field: 'placeOfIssue', max: 100, hint: `“${D.placeOfIssue}, <date of issue>” above each document's title.` },
  { field: 'timeZone', max: 64, list: true, hint: `Every time a document prints is in this zone (an IANA name such as ${D.timeZone}).` },
  { field: 'language', max: 10, hint: `The documents' language for spelling and hyphenation, such as ${D.language}.` },
  { field: 'internalMarking', max: 100, hint: `Under the title and on every page of internal documents. Not an EU classification level (“${D.internalMarking}”).` },
];

function bodyUpdateOf(b: Body) {
  return {
    name: b.name,
    chair: b.chair,
    referencePrefix: b.referencePrefix,
    placeOfIssue: b.placeOfIssue,
    timeZone: b.timeZone.trim(),
    language: b.language.trim(),
    internalMarking: b.internalMarking,
  };
}

let zones: string[] | null = null;
/** The time zones the runtime knows (for the field's suggestions). */
function timeZones(): string[] {
  zones ??= typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [D.timeZone];
  return zones;
}
