import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Attendance } from '../../../shared/domain/attendance';
import { ACTION_STATUSES, DECISION_OUTCOMES, DECISION_OUTCOME_LABEL, type ActionStatus, type DecisionOutcome } from '../../../shared/domain/decisions-labels';
import type { ActionItem, Decision } from '../../../shared/domain/decisions';
import type { Organisation } from '../../../shared/domain/members';
import type { ActionPatch, RecordSave } from './useRecords';

const ACTION_STATUS_LABEL: Record<ActionStatus, string> = { open: 'Open', done: 'Done', cancelled: 'Cancelled' };
const SAVE_LABEL: Record<RecordSave, string> = { saving: 'Saving…', saved: 'Saved', failed: 'Not saved' };

/** Who can own an action: the organisations and people attending first, then every member organisation. */
export function ownerChoices(attendance: Attendance, members: readonly Organisation[]): string[] {
  const attending = attendance.participants.filter((p) => p.status === 'in_person' || p.status === 'remote');
  const out: string[] = [];
  const add = (s: string) => s.trim() && !out.includes(s.trim()) && out.push(s.trim());
  attending.forEach((p) => p.organisation && add(p.organisation));
  attending.forEach((p) => add(p.organisation ? `${p.name} (${p.organisation})` : p.name));
  add('AI Office');
  members.forEach((m) => add(m.name));
  return out;
}

/**
 * Decisions and action items of the meeting. Their text is edited in the minutes (the block in the editor); outcome,
 * owner (picked from who attends, or typed), due date and status here. Each record says when its change is saved.
 */
export function RecordsPanel(props: {
  decisions: Decision[];
  actions: ActionItem[];
  attendance: Attendance;
  members: Organisation[];
  saves: Record<string, RecordSave>;
  sectionLabel: (key: string) => string;
  onOutcome: (id: string, outcome: DecisionOutcome) => void;
  onAction: (id: string, patch: ActionPatch) => void;
  readOnly: boolean;
}) {
  const listId = useId();
  const state = (id: string) =>
    props.saves[id] ? (
      <span className={`rec-save ${props.saves[id]}`} role={props.saves[id] === 'failed' ? 'alert' : 'status'}>
        {SAVE_LABEL[props.saves[id]]}
      </span>
    ) : null;
  return (
    <section className="panel records" aria-labelledby="records-heading">
      <h2 id="records-heading">Decisions and actions</h2>
      <datalist id={listId}>
        {ownerChoices(props.attendance, props.members).map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      <h3>Decisions ({props.decisions.length})</h3>
      {props.decisions.length === 0 && <p className="muted">None yet. Capture one in the minutes with the decision shortcut.</p>}
      <ul className="record-list">
        {props.decisions.map((d) => (
          <li key={d.id} data-record-id={d.id}>
            <div className="rec-text">{d.text || <em className="muted">(text follows in the minutes)</em>}</div>
            <div className="rec-meta">
              <span className="sub">{props.sectionLabel(d.sectionKey)}</span>
              <select aria-label={`Outcome of the decision “${short(d.text)}”`} value={d.outcome} disabled={props.readOnly} onChange={(e) => props.onOutcome(d.id, e.target.value as DecisionOutcome)}>
                {DECISION_OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {DECISION_OUTCOME_LABEL[o]}
                  </option>
                ))}
              </select>
              {state(d.id)}
            </div>
          </li>
        ))}
      </ul>
      <h3>Action items ({props.actions.length})</h3>
      {props.actions.length === 0 && <p className="muted">None yet. Capture one in the minutes with the action shortcut.</p>}
      <ul className="record-list">
        {props.actions.map((a) => (
          <ActionRow key={a.id} action={a} listId={listId} readOnly={props.readOnly} section={props.sectionLabel(a.sectionKey)} onAction={props.onAction} saveState={state(a.id)} />
        ))}
      </ul>
    </section>
  );
}

function ActionRow(props: { action: ActionItem; listId: string; readOnly: boolean; section: string; onAction: (id: string, patch: ActionPatch) => void; saveState: ReactNode }) {
  const a = props.action;
  const [owner, setOwner] = useState(a.owner);
  // The owner as stored, changed here or in another window: the field shows it, unless the officer is typing into it
  // (their words are theirs until they leave the field). Compared with what the field last took from the record.
  const [editing, setEditing] = useState(false);
  const [storedOwner, setStoredOwner] = useState(a.owner);
  if (a.owner !== storedOwner) {
    setStoredOwner(a.owner);
    if (!editing) setOwner(a.owner);
  }
  // The due date field keeps what is typed into it (a date is committed once whole); it shows a date stored since,
  // here or in another window, when the officer is not in it.
  const due = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const el = due.current;
    if (el && document.activeElement !== el && el.value !== a.dueDate) el.value = a.dueDate;
  }, [a.dueDate]);
  const name = short(a.text);
  const commitOwner = () => owner.trim() !== a.owner && props.onAction(a.id, { owner: owner.trim() });
  return (
    <li data-record-id={a.id}>
      <div className="rec-text">{a.text || <em className="muted">(text follows in the minutes)</em>}</div>
      <div className="rec-meta">
        <span className="sub">{props.section}</span>
        <input
          aria-label={`Owner of the action “${name}”`}
          placeholder="Owner (pick or type)"
          list={props.listId}
          value={owner}
          disabled={props.readOnly}
          onChange={(e) => setOwner(e.target.value)}
          onFocus={() => setEditing(true)}
          onBlur={() => {
            setEditing(false);
            commitOwner();
          }}
          onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), commitOwner())}
          className="owner"
        />
        <input
          aria-label={`Due date of the action “${name}”`}
          type="date"
          ref={due}
          defaultValue={a.dueDate}
          disabled={props.readOnly}
          onChange={(e) => e.target.value !== a.dueDate && (e.target.value === '' || /^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) && props.onAction(a.id, { dueDate: e.target.value })}
        />
        <select aria-label={`Status of the action “${name}”`} value={a.status} onChange={(e) => props.onAction(a.id, { status: e.target.value as ActionStatus })}>
          {ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ACTION_STATUS_LABEL[s]}
            </option>
          ))}
        </select>
        {props.saveState}
      </div>
    </li>
  );
}

function short(text: string, max = 40): string {
  const t = text.replace(/\s+/g, ' ').trim() || 'without text yet';
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}
