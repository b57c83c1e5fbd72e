import { memo, useState, type FormEvent } from 'react';
import { ATTENDANCE_STATUSES, ATTENDANCE_STATUS_LABEL, PARTICIPANT_CATEGORY_LABEL, PERSON_CATEGORIES, type AttendanceStatus, type PersonCategory } from '../../../shared/domain/attendance-labels';
import type { Attendance, Participant } from '../../../shared/domain/attendance';
import type { Organisation } from '../../../shared/domain/members';
import { api } from '../../api';
import { Choice, ErrorNote, Field, useAction } from '../../ui/kit';
import { countsText, liveCounts } from './counts';

const time = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

/**
 * Check-in during the meeting: every representative of every member organisation with a status, arrivals and
 * departures timed, plus observers, invited external experts and AI Office staff. Organisations represented at a glance.
 *
 * Renders only when its own props change (memo; the page passes a stable `onChange`): the minutes page renders again
 * on every save state and every change of the current section, and a table of every representative was the largest
 * part of those renders (issue 16: ~2% of the time to the first typed key with the example's eight).
 */
export const AttendancePanel = memo(function AttendancePanel({ meetingId, attendance, members, onChange, readOnly }: {
  meetingId: string;
  attendance: Attendance;
  members: Organisation[];
  onChange: (a: Attendance) => void;
  readOnly: boolean;
}) {
  const act = useAction();
  const reload = async () => onChange(await api.call('attendance.list', { meetingId }));
  const byRep = new Map(attendance.participants.filter((p) => p.representativeId).map((p) => [p.representativeId!, p]));
  const others = attendance.participants.filter((p) => p.category !== 'representative');
  // Representatives whose organisation or person was later removed from the members: their attendance stays.
  const onRoster = new Set(members.flatMap((o) => o.representatives.map((r) => r.id)));
  const formerMembers = attendance.participants.filter((p) => p.category === 'representative' && (!p.representativeId || !onRoster.has(p.representativeId)));

  const setStatus = (target: { representativeId: string } | { participantId: string }, status: AttendanceStatus) =>
    act.run(async () => {
      await api.call('attendance.set', { meetingId, ...target, status });
      await reload();
    });
  const move = (target: { representativeId: string } | { participantId: string }, kind: 'arrive' | 'leave') =>
    act.run(async () => {
      await api.call(kind === 'arrive' ? 'attendance.arrive' : 'attendance.leave', { meetingId, ...target });
      await reload();
    });

  const { summary } = attendance;
  return (
    <section className="panel attendance" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">Attendance</h2>
      <p className="glance" aria-live="polite">
        {countsText(liveCounts(attendance.participants))}
      </p>
      {summary.organisationsRepresented.length > 0 && (
        <p className="orgs">Organisations represented: {summary.organisationsRepresented.map((o) => o.name).join(', ')}</p>
      )}
      <ErrorNote error={act.error} onDismiss={() => act.setError(null)} />
      <table className="list checkin">
        <thead>
          <tr>
            <th scope="col">Representative</th>
            <th scope="col">Status</th>
            <th scope="col">Arrived / left</th>
          </tr>
        </thead>
        <tbody>
          {members
            .filter((o) => o.representatives.length > 0)
            .flatMap((o) =>
              o.representatives.map((r) => {
                const p = byRep.get(r.id);
                return (
                  <ParticipantRow
                    key={r.id}
                    label={r.name}
                    sub={o.shortName || o.name}
                    participant={p}
                    readOnly={readOnly}
                    onStatus={(s) => setStatus({ representativeId: r.id }, s)}
                    onMove={(k) => move({ representativeId: r.id }, k)}
                  />
                );
              }),
            )}
          {formerMembers.map((p) => (
            <ParticipantRow
              key={p.id}
              label={p.name}
              sub={`${p.organisation || 'Organisation'} · no longer on the members list`}
              participant={p}
              readOnly={readOnly}
              onStatus={(s) => setStatus({ participantId: p.id }, s)}
              onMove={(k) => move({ participantId: p.id }, k)}
            />
          ))}
          {others.length > 0 && (
            <tr className="group-row">
              <th scope="rowgroup" colSpan={3}>
                Observers, experts and AI Office staff
              </th>
            </tr>
          )}
          {others.map((p) => (
            <ParticipantRow
              key={p.id}
              label={p.name}
              sub={`${PARTICIPANT_CATEGORY_LABEL[p.category]}${p.organisation ? ` · ${p.organisation}` : ''}`}
              participant={p}
              readOnly={readOnly}
              onStatus={(s) => setStatus({ participantId: p.id }, s)}
              onMove={(k) => move({ participantId: p.id }, k)}
            />
          ))}
        </tbody>
      </table>
      {!readOnly && <AddPerson meetingId={meetingId} onAdded={reload} />}
    </section>
  );
});

function ParticipantRow(props: {
  label: string;
  sub: string;
  participant: Participant | undefined;
  readOnly: boolean;
  onStatus: (s: AttendanceStatus) => void;
  onMove: (k: 'arrive' | 'leave') => void;
}) {
  const p = props.participant;
  const status = p?.status ?? 'absent';
  const events = p?.events ?? [];
  return (
    <tr className={p?.present ? 'present' : ''}>
      <td>
        {props.label}
        <div className="sub">{props.sub}</div>
      </td>
      <td>
        <Choice aria-label={`Status of ${props.label}`} value={status} choices={ATTENDANCE_STATUSES} labels={ATTENDANCE_STATUS_LABEL} disabled={props.readOnly} onChoose={props.onStatus} />
      </td>
      <td className="moves">
        {events.map((e, i) => (
          <span key={i} className={`move ${e.kind}`}>
            {e.kind === 'status' ? `${ATTENDANCE_STATUS_LABEL[e.status ?? 'absent']} ${time(e.at)}` : `${e.kind === 'arrive' ? '→' : '←'} ${time(e.at)}`}
          </span>
        ))}
        {!props.readOnly &&
          (p?.present ? (
            <button type="button" onClick={() => props.onMove('leave')} aria-label={`${props.label} leaves now`}>
              Leaves
            </button>
          ) : (
            <button type="button" onClick={() => props.onMove('arrive')} aria-label={`${props.label} arrives now`}>
              Arrives
            </button>
          ))}
      </td>
    </tr>
  );
}

function AddPerson({ meetingId, onAdded }: { meetingId: string; onAdded: () => Promise<void> }) {
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [category, setCategory] = useState<PersonCategory>('observer');
  const act = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await act.run(async () => {
      await api.call('attendance.addPerson', { meetingId, category, name, organisation });
      await onAdded();
      return true;
    });
    if (ok) {
      setName('');
      setOrganisation('');
    }
  };
  return (
    <form className="inline-form add-person" onSubmit={submit} aria-label="Add an observer, expert or AI Office staff member">
      <Field label="Name">{(id) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />}</Field>
      <Field label="Organisation">{(id) => <input id={id} value={organisation} onChange={(e) => setOrganisation(e.target.value)} maxLength={200} />}</Field>
      <Field label="As">
        {(id) => (
          <select id={id} value={category} onChange={(e) => setCategory(e.target.value as PersonCategory)}>
            {PERSON_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {PARTICIPANT_CATEGORY_LABEL[c]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" disabled={act.busy}>
        Add
      </button>
      <ErrorNote error={act.error} />
    </form>
  );
}
