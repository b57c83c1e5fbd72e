import {
  ACTION_STATUSES,
  DECISION_OUTCOMES,
  DECISION_OUTCOME_LABEL,
  type ActionItem,
  type ActionStatus,
  type Decision,
  type DecisionOutcome,
} from '../../../shared/domain/decisions';
import { api } from '../../api';
import { ErrorNote, useAction } from '../../ui/kit';

const ACTION_STATUS_LABEL: Record<ActionStatus, string> = { open: 'Open', done: 'Done', cancelled: 'Cancelled' };

/**
 * Decisions and action items of the meeting, grouped by section. Their text is edited in the minutes (the block in
 * the editor); outcome, owner, due date and status are edited here.
 */
export function RecordsPanel(props: {
  decisions: Decision[];
  actions: ActionItem[];
  sectionLabel: (key: string) => string;
  onDecision: (d: Decision) => void;
  onAction: (a: ActionItem) => void;
  readOnly: boolean;
}) {
  const act = useAction();
  const updateDecision = (id: string, outcome: DecisionOutcome) =>
    act.run(async () => props.onDecision(await api.call('decisions.update', { id, outcome })));
  const updateAction = (id: string, patch: { owner?: string; dueDate?: string; status?: ActionStatus }) =>
    act.run(async () => props.onAction(await api.call('actions.update', { id, ...patch })));

  return (
    <section className="panel records" aria-labelledby="records-heading">
      <h2 id="records-heading">Decisions and actions</h2>
      <ErrorNote error={act.error} onDismiss={() => act.setError(null)} />
      <h3>Decisions ({props.decisions.length})</h3>
      {props.decisions.length === 0 && <p className="muted">None yet. Capture one in the minutes with the decision shortcut.</p>}
      <ul className="record-list">
        {props.decisions.map((d) => (
          <li key={d.id} data-record-id={d.id}>
            <div className="rec-text">{d.text || <em className="muted">(text follows in the minutes)</em>}</div>
            <div className="rec-meta">
              <span className="sub">{props.sectionLabel(d.sectionKey)}</span>
              <select aria-label="Outcome" value={d.outcome} disabled={props.readOnly} onChange={(e) => updateDecision(d.id, e.target.value as DecisionOutcome)}>
                {DECISION_OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {DECISION_OUTCOME_LABEL[o]}
                  </option>
                ))}
              </select>
            </div>
          </li>
        ))}
      </ul>
      <h3>Action items ({props.actions.length})</h3>
      {props.actions.length === 0 && <p className="muted">None yet. Capture one in the minutes with the action shortcut.</p>}
      <ul className="record-list">
        {props.actions.map((a) => (
          <li key={a.id} data-record-id={a.id}>
            <div className="rec-text">{a.text || <em className="muted">(text follows in the minutes)</em>}</div>
            <div className="rec-meta">
              <span className="sub">{props.sectionLabel(a.sectionKey)}</span>
              <input
                aria-label="Owner"
                placeholder="Owner"
                defaultValue={a.owner}
                disabled={props.readOnly}
                onBlur={(e) => e.target.value !== a.owner && updateAction(a.id, { owner: e.target.value })}
              />
              <input
                aria-label="Due date"
                type="date"
                defaultValue={a.dueDate}
                disabled={props.readOnly}
                onBlur={(e) => e.target.value !== a.dueDate && updateAction(a.id, { dueDate: e.target.value })}
              />
              <select aria-label="Action status" value={a.status} onChange={(e) => updateAction(a.id, { status: e.target.value as ActionStatus })}>
                {ACTION_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {ACTION_STATUS_LABEL[s]}
                  </option>
                ))}
              </select>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
