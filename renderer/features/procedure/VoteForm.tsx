import { useState, type FormEvent } from 'react';
import type { Decision } from '../../../shared/domain/decisions';
import {
  DECISION_KINDS,
  DECISION_KIND_LABEL,
  describeKindRule,
  type DecisionKind,
  type DecisionVote,
  type Position,
  type ProcedureState,
} from '../../../shared/procedure';
import { api } from '../../api';
import { ErrorNote, Field, useAction } from '../../ui/kit';

type Choice = Position | 'none';
type ConsensusChoice = 'agree' | 'dissent' | 'object';
const CHOICE_LABEL: Record<Choice, string> = { for: 'In favour', against: 'Against', abstain: 'Abstains', none: 'No vote' };
const CONSENSUS_LABEL: Record<ConsensusChoice, string> = { agree: 'No objection', dissent: 'Dissent noted', object: 'Objects' };

/**
 * Record a decision with its vote (or the vote on a decision already captured in the minutes): the kind picks the
 * rule in force; one position per member organisation present.
 */
export function VoteForm(props: {
  meetingId: string;
  state: ProcedureState;
  /** An existing decision to vote on; otherwise a new decision is recorded in `sectionKey`. */
  decision: Decision | null;
  sectionKey: string;
  sectionLabel: string;
  onRecorded: (r: { vote: DecisionVote; decision: Decision | null }) => void;
  onCancel?: () => void;
}) {
  const { state } = props;
  const [text, setText] = useState('');
  const [kind, setKind] = useState<DecisionKind>('default');
  const [mode, setMode] = useState<'vote' | 'consensus'>('vote');
  const [votes, setVotes] = useState<Record<string, Choice>>({});
  const [consensus, setConsensus] = useState<Record<string, ConsensusChoice>>({});
  const act = useAction();
  const present = state.members.filter((o) => state.present.includes(o.id)).sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const rule = state.rulesInForce?.rules[kind];

  const ballot = () =>
    mode === 'vote'
      ? {
          kind: 'vote' as const,
          votes: present.flatMap((o) => {
            const c = votes[o.id] ?? 'none';
            return c === 'none' ? [] : [{ organisationId: o.id, position: c }];
          }),
        }
      : {
          kind: 'consensus' as const,
          objections: present.filter((o) => consensus[o.id] === 'object').map((o) => o.id),
          dissent: present.filter((o) => consensus[o.id] === 'dissent').map((o) => o.id),
        };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await act.run(async () => {
      if (props.decision) {
        const res = await api.call('procedure.vote', { decisionId: props.decision.id, kind, ballot: ballot() });
        return { vote: res.vote, decision: { ...props.decision, outcome: res.decisionOutcome } };
      }
      const res = await api.call('procedure.decide', { meetingId: props.meetingId, sectionKey: props.sectionKey, text, kind, ballot: ballot() });
      const list = await api.call('decisions.list', { meetingId: props.meetingId });
      return { vote: res.vote, decision: list.find((d) => d.id === res.vote.decisionId) ?? null };
    });
    if (r) {
      setText('');
      setVotes({});
      setConsensus({});
      props.onRecorded(r);
    }
  };

  return (
    <form className="vote-form" onSubmit={submit} aria-label={props.decision ? 'Vote on the decision' : 'Record a decision and its vote'}>
      {props.decision ? (
        <p className="sub">On: {props.decision.text || '(text follows in the minutes)'}</p>
      ) : (
        <Field label="Decision">
          {(id) => <textarea id={id} value={text} onChange={(e) => setText(e.target.value)} required maxLength={20_000} placeholder="What is to be decided" />}
        </Field>
      )}
      {!props.decision && <p className="sub">In: {props.sectionLabel}</p>}
      <Field label="Kind of decision">
        {(id) => (
          <select id={id} value={kind} onChange={(e) => setKind(e.target.value as DecisionKind)}>
            {DECISION_KINDS.map((k) => (
              <option key={k} value={k}>
                {DECISION_KIND_LABEL[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p className="rule-line" data-testid="rule-in-force">
        {rule ? `Rule: ${describeKindRule(rule)}.` : 'No rules of procedure are in force on the date of this meeting.'}
      </p>
      <div className="row" role="radiogroup" aria-label="How the decision is taken">
        <label className="check">
          <input type="radio" name="mode" checked={mode === 'vote'} onChange={() => setMode('vote')} /> Vote
        </label>
        <label className="check">
          <input type="radio" name="mode" checked={mode === 'consensus'} onChange={() => setMode('consensus')} /> Consensus
        </label>
      </div>
      {present.length === 0 ? (
        <p className="muted">No member organisation is checked in as present. Record arrivals in Attendance first.</p>
      ) : (
        <table className="ballot-table">
          <tbody>
            {present.map((o) => (
              <tr key={o.id}>
                <td>{o.name}</td>
                <td>
                  {mode === 'vote' ? (
                    <select aria-label={`Vote of ${o.name}`} value={votes[o.id] ?? 'none'} onChange={(e) => setVotes((v) => ({ ...v, [o.id]: e.target.value as Choice }))}>
                      {(['for', 'against', 'abstain', 'none'] as const).map((c) => (
                        <option key={c} value={c}>
                          {CHOICE_LABEL[c]}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <select
                      aria-label={`Position of ${o.name}`}
                      value={consensus[o.id] ?? 'agree'}
                      onChange={(e) => setConsensus((v) => ({ ...v, [o.id]: e.target.value as ConsensusChoice }))}
                    >
                      {(['agree', 'dissent', 'object'] as const).map((c) => (
                        <option key={c} value={c}>
                          {CONSENSUS_LABEL[c]}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={act.busy || !rule}>
          {props.decision ? 'Record the vote' : 'Record decision'}
        </button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
      <ErrorNote error={act.error} onDismiss={() => act.setError(null)} />
    </form>
  );
}
