import { useState, type FormEvent } from 'react';
import {
  BASES,
  BASE_LABEL,
  DECISION_KINDS,
  DECISION_KIND_LABEL,
  QUORUMS,
  QUORUM_LABEL,
  RULES,
  RULE_LABEL,
  describeKindRule,
  type RulesTable,
  type RulesVersion,
} from '../../../shared/procedure';
import { formatLongDate } from '../../../shared/format/dates';
import { api } from '../../api';
import { ErrorNote, Field, useAction, useLoad } from '../../ui/kit';

/** The rules of procedure in force for this meeting, every version the body adopted, and recording a new version. */
export function RulesSection({ inForce, onChange }: { inForce: RulesVersion | null; onChange: () => void }) {
  const versions = useLoad(() => api.call('rules.list', {}), []);
  const [draft, setDraft] = useState<RulesTable | null>(null);
  const [adoptedOn, setAdoptedOn] = useState('');
  const [title, setTitle] = useState('');
  const act = useAction();
  const start = () => {
    const base = inForce ?? versions.value?.at(-1);
    if (base) setDraft(structuredClone(base.rules));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    const v = await act.run(() => api.call('rules.add', { adoptedOn, title, rules: draft }));
    if (v) {
      setDraft(null);
      setTitle('');
      setAdoptedOn('');
      await versions.reload();
      onChange();
    }
  };
  return (
    <details className="rules">
      <summary>Rules of procedure</summary>
      {inForce && (
        <table className="ballot-table" aria-label="Rules in force">
          <tbody>
            {DECISION_KINDS.map((k) => (
              <tr key={k}>
                <td>{DECISION_KIND_LABEL[k]}</td>
                <td className="sub">{describeKindRule(inForce.rules[k])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="sub">
        Versions: {(versions.value ?? []).map((v) => `${v.title} (${formatLongDate(v.adoptedOn)})`).join('; ') || 'none'}
      </p>
      {!draft ? (
        <button type="button" onClick={start} disabled={!versions.value}>
          Record a new version…
        </button>
      ) : (
        <form onSubmit={submit} aria-label="New version of the rules of procedure">
          <Field label="Adopted on">{(id) => <input id={id} type="date" value={adoptedOn} onChange={(e) => setAdoptedOn(e.target.value)} required />}</Field>
          <Field label="Title">{(id) => <input id={id} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={300} />}</Field>
          {DECISION_KINDS.map((k) => (
            <fieldset key={k}>
              <legend>{DECISION_KIND_LABEL[k]}</legend>
              <div className="row">
                <select aria-label={`Rule for ${DECISION_KIND_LABEL[k]}`} value={draft[k].rule} onChange={(e) => setDraft({ ...draft, [k]: { ...draft[k], rule: e.target.value } })}>
                  {RULES.map((r) => (
                    <option key={r} value={r}>
                      {RULE_LABEL[r]}
                    </option>
                  ))}
                </select>
                <select aria-label={`Base for ${DECISION_KIND_LABEL[k]}`} value={draft[k].base} onChange={(e) => setDraft({ ...draft, [k]: { ...draft[k], base: e.target.value } })}>
                  {BASES.map((b) => (
                    <option key={b} value={b}>
                      of {BASE_LABEL[b]}
                    </option>
                  ))}
                </select>
                <select aria-label={`Quorum for ${DECISION_KIND_LABEL[k]}`} value={draft[k].quorum} onChange={(e) => setDraft({ ...draft, [k]: { ...draft[k], quorum: e.target.value } })}>
                  {QUORUMS.map((q) => (
                    <option key={q} value={q}>
                      {QUORUM_LABEL[q]}
                    </option>
                  ))}
                </select>
              </div>
            </fieldset>
          ))}
          <div className="row">
            <button type="submit" className="primary" disabled={act.busy}>
              Save this version
            </button>
            <button type="button" onClick={() => setDraft(null)}>
              Cancel
            </button>
          </div>
          <ErrorNote error={act.error} />
        </form>
      )}
    </details>
  );
}
