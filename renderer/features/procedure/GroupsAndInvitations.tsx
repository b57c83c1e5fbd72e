import { useState, type FormEvent } from 'react';
import { PARTICIPANT_CATEGORY_LABEL } from '../../../shared/domain/attendance-labels';
import type { Participant } from '../../../shared/domain/attendance';
import type { ProcedureState } from '../../../shared/procedure';
import { api } from '../../api';
import { ErrorNote, Field, useAction, useLoad } from '../../ui/kit';

/** Ad hoc groups (their own members, used by the group's meetings for quorum and votes), and creating one. */
export function GroupsSection({ state, onChange }: { state: ProcedureState; onChange: () => void }) {
  const groups = useLoad(() => api.call('groups.list', {}), []);
  const orgs = useLoad(() => api.call('members.list', {}), []);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [decisionId, setDecisionId] = useState('');
  const [open, setOpen] = useState(false);
  const act = useAction();
  const createdBy = state.votes.filter((v) => v.kind === 'create_ad_hoc_group' && v.outcome === 'adopted');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const g = await act.run(() => api.call('groups.create', { name, organisationIds: chosen, decisionId: decisionId || null }));
    if (g) {
      setName('');
      setChosen([]);
      setOpen(false);
      await groups.reload();
      onChange();
    }
  };
  return (
    <div className="groups">
      <h3>Ad hoc groups</h3>
      {state.group && <p className="sub">This is a meeting of the ad hoc group “{state.group.name}”: its members vote and count for the quorum.</p>}
      {state.groupProblem && (
        <p className="warning" role="note">
          {state.groupProblem}
        </p>
      )}
      <ul className="record-list" aria-label="Ad hoc groups">
        {(groups.value ?? []).map((g) => (
          <li key={g.id}>
            <strong>{g.name}</strong> <span className="sub">({g.members.map((m) => m.name).join(', ')})</span>
            {g.decision && <div className="sub">Created by the decision: {g.decision}</div>}
          </li>
        ))}
      </ul>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)}>
          New ad hoc group…
        </button>
      ) : (
        <form onSubmit={submit} aria-label="New ad hoc group">
          <Field label="Group name">{(id) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />}</Field>
          <fieldset>
            <legend>Member organisations</legend>
            {(orgs.value ?? [])
              .filter((o) => o.isMember)
              .map((o) => (
                <label key={o.id} className="check">
                  <input type="checkbox" checked={chosen.includes(o.id)} onChange={(e) => setChosen((c) => (e.target.checked ? [...c, o.id] : c.filter((x) => x !== o.id)))} /> {o.name}
                </label>
              ))}
          </fieldset>
          {createdBy.length > 0 && (
            <Field label="Created by the decision">
              {(id) => (
                <select id={id} value={decisionId} onChange={(e) => setDecisionId(e.target.value)}>
                  <option value="">—</option>
                  {createdBy.map((v) => (
                    <option key={v.decisionId} value={v.decisionId}>
                      {v.explanation.slice(0, 80)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <div className="row">
            <button type="submit" className="primary" disabled={act.busy || chosen.length === 0}>
              Create group
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
          <ErrorNote error={act.error} />
        </form>
      )}
    </div>
  );
}

/** External experts and observers of this meeting, each linked to the adopted decision that invited them. */
export function InvitationsSection({ state, participants, readOnly, onChange }: { state: ProcedureState; participants: Participant[]; readOnly: boolean; onChange: () => void }) {
  const act = useAction();
  const guests = participants.filter((p) => p.category === 'external_expert' || p.category === 'observer');
  if (guests.length === 0) return null;
  const linked = new Map(state.invitations.map((i) => [i.participantId, i]));
  const set = (participantId: string, decisionId: string) =>
    void act.run(async () => {
      await api.call('invitations.set', { participantId, decisionId: decisionId || null });
      onChange();
    });
  return (
    <div className="invitations">
      <h3>Invited experts and observers</h3>
      <ErrorNote error={act.error} onDismiss={() => act.setError(null)} />
      <ul className="record-list" aria-label="Invited participants">
        {guests.map((p) => {
          const inv = linked.get(p.id);
          return (
            <li key={p.id}>
              {p.name} <span className="sub">· {PARTICIPANT_CATEGORY_LABEL[p.category]}</span>
              {inv && <div className="sub" data-testid="invited-by">Invited by the decision “{inv.decision}” ({inv.meeting})</div>}
              {!readOnly && (
                <select aria-label={`Decision inviting ${p.name}`} value={inv?.decisionId ?? ''} onChange={(e) => set(p.id, e.target.value)}>
                  <option value="">{state.invitingDecisions.length ? 'Not linked to a decision' : 'No adopted decision on inviting experts yet'}</option>
                  {state.invitingDecisions.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.text.slice(0, 80)} — {d.meeting}
                    </option>
                  ))}
                </select>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
