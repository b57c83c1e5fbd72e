import { Paragraph, type FileChild } from 'docx';
import { ATTENDANCE_STATUS_LABEL, PARTICIPANT_CATEGORY_LABEL, type AttendanceStatus, type ParticipantCategory } from '../../../shared/domain/attendance';
import { minutesStatusLine } from './conventions';
import { longDate, timeInZone } from '../../../shared/format/zoned';
import { documentFrame } from './frame';
import { renderSection } from './lexical-render';
import { itemHeading, itemLevel } from './meeting-meta';
import { textRuns } from './sanitise';
import { orderedSections } from './sections-order';
import { humanise, simpleTable } from './tables';
import { withZonedTimestamps } from '../../../shared/format/timestamps';
import type { AttendanceEntry, ExportData, ProcedureRecord } from './types';
import { DECISION_KIND_LABEL, POSITION_LABEL, SAFEGUARD_LABEL, type DecisionVote } from '../../../shared/procedure';

/**
 * The internal minutes: everything, flagged passages included (shaded and labelled), with the internal marking
 * ("Internal — not for publication" unless the body words it otherwise) under the title and in the header of every
 * page, and "DRAFT" on every page until the minutes are approved. Never published; the public summary is built
 * elsewhere, from redact().
 */
export function buildInternalMinutes(data: ExportData): Promise<Uint8Array> {
  const frame = documentFrame(data, 'internal_minutes', 'Minutes (internal)', { internal: true, fromMinutes: true, extraMeta: [minutesStatusLine(data.minutes)] });
  const zone = frame.conventions.timeZone;
  const flags = new Map(data.flags.map((f) => [f.id, f]));
  let listInstance = 0;
  const ctx = { flags, nextListInstance: () => ++listInstance };
  const withheld = new Set(data.withheldItemIds);
  const itemLabel = new Map<string, string>([['opening', 'Opening'], ['closing', 'Closing']]);
  for (const a of data.agenda) itemLabel.set(a.id, a.number);

  const children: FileChild[] = [...frame.head];
  const active = data.flags.filter((f) => f.retiredAt === null).length;
  children.push(
    new Paragraph({
      style: 'Meta',
      children: textRuns(
        active === 0
          ? 'This is the full internal record. No passage is flagged as confidential.'
          : `This is the full internal record. ${active === 1 ? 'One passage is' : `${active} passages are`} flagged as confidential: ${active === 1 ? 'it is' : 'each is'} shaded and marked “[Flagged: reason] … [end of flag]”.`,
      ),
    }),
  );

  children.push(new Paragraph({ heading: 'Heading1', children: textRuns('Attendance') }));
  if (data.attendance.length === 0) children.push(new Paragraph({ children: textRuns('No attendance was recorded.') }));
  else
    children.push(
      simpleTable(
        ['Name', 'Organisation', 'Category', 'Attendance', 'Arrived / left'],
        [...data.attendance].sort(attendanceOrder).map((p) => [p.name, p.organisation || '—', categoryLabel(p.category), statusLabel(p.statusCode ?? p.status), movements(p, zone)]),
        [2.4, 2.3, 1.9, 1.7, 1.7],
      ),
    );

  for (const s of orderedSections(data.agenda, Object.keys(data.sections))) {
    children.push(new Paragraph({ style: s.item ? itemLevel(s.number) : 'Heading1', children: textRuns(itemHeading(s.number, s.title)) }));
    if (withheld.has(s.key)) children.push(new Paragraph({ style: 'Meta', children: textRuns('Withheld from publication: not in the public summary.') }));
    const doc = data.sections[s.key];
    if (doc) children.push(...renderSection(withZonedTimestamps(doc, zone), ctx));
    else children.push(new Paragraph({ style: 'Meta', children: textRuns('No minutes were taken for this item.') }));
  }

  children.push(new Paragraph({ heading: 'Heading1', children: textRuns('Decisions') }));
  const voteOf = new Map((data.procedure?.votes ?? []).map((v) => [v.decisionId, v]));
  if (data.decisions.length === 0) children.push(new Paragraph({ children: textRuns('No decisions were recorded.') }));
  else
    children.push(
      simpleTable(
        ['Item', 'Decision', 'Outcome', 'How decided'],
        data.decisions.map((d) => {
          const v = d.id ? voteOf.get(d.id) : undefined;
          return [itemLabel.get(d.sectionKey) ?? '', d.text, humanise(d.outcome), v ? howDecided(v, data.procedure!.organisationNames, zone) : ''];
        }),
        [1, 4, 1.6, 4],
      ),
    );

  if (data.procedure) children.push(...procedureParts(data.procedure, itemLabel, zone));

  children.push(new Paragraph({ heading: 'Heading1', children: textRuns('Action items') }));
  if (data.actions.length === 0) children.push(new Paragraph({ children: textRuns('No action items were recorded.') }));
  else
    children.push(
      simpleTable(
        ['Item', 'Action', 'Owner', 'Due', 'Status'],
        data.actions.map((a) => [itemLabel.get(a.sectionKey) ?? '', a.text, a.owner, a.dueDate ? longDate(a.dueDate) : '', humanise(a.status)]),
        [1, 5, 2.2, 2, 1.6],
      ),
    );

  return frame.pack(children);
}

const CATEGORY_ORDER = ['representative', 'observer', 'external_expert', 'ai_office_staff'];
const STATUS_ORDER = ['in_person', 'remote', 'excused', 'absent'];
const rank = (order: string[], v: string) => (order.includes(v) ? order.indexOf(v) : order.length);

/** Attending first (in person, remote), then excused, then absent; within each by category, organisation, name. */
function attendanceOrder(a: AttendanceEntry, b: AttendanceEntry): number {
  const group = (x: AttendanceEntry) => Math.max(1, rank(STATUS_ORDER, x.statusCode ?? x.status));
  return (
    group(a) - group(b) ||
    rank(CATEGORY_ORDER, a.category) - rank(CATEGORY_ORDER, b.category) ||
    a.organisation.localeCompare(b.organisation, 'en') ||
    a.name.localeCompare(b.name, 'en')
  );
}

function categoryLabel(code: string): string {
  return PARTICIPANT_CATEGORY_LABEL[code as ParticipantCategory] ?? humanise(code);
}
function statusLabel(code: string): string {
  return ATTENDANCE_STATUS_LABEL[code as AttendanceStatus] ?? humanise(code);
}

/** "arrived 10:05, left 11:30, arrived 11:50" in the body's zone; '' when no time was recorded. */
export function movements(p: AttendanceEntry, timeZone: string): string {
  return (p.events ?? [])
    .map((e) => {
      const t = timeInZone(e.at, timeZone);
      return t ? `${e.kind === 'arrive' ? 'arrived' : 'left'} ${t}` : '';
    })
    .filter(Boolean)
    .join(', ');
}

/** The vote in words with who took which position (internal only): "Adopted: … In favour: A, B. Against: C." */
function howDecided(v: DecisionVote, names: Record<string, string>, tz: string): string {
  const name = (id: string) => names[id] ?? 'a former member';
  const sorted = (ids: string[]) => ids.map(name).sort((a, b) => a.localeCompare(b, 'en')).join(', ');
  const parts = [`${DECISION_KIND_LABEL[v.kind]}. ${v.explanation}`];
  if (v.ballot.kind === 'vote')
    for (const pos of ['for', 'against', 'abstain'] as const) {
      const ids = v.ballot.votes.filter((x) => x.position === pos).map((x) => x.organisationId);
      if (ids.length) parts.push(`${POSITION_LABEL[pos]}: ${sorted(ids)}.`);
    }
  parts.push(`Voted at ${clock(v.votedAt, tz)}.`);
  return parts.join(' ');
}

/** "10:05" in the meeting's time zone (UTC if the zone is unknown). */
function clock(iso: string, timeZone: string): string {
  try {
    return new Date(iso).toLocaleTimeString('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' });
  } catch {
    return `${iso.slice(11, 16)} UTC`;
  }
}

/** Competition-law safeguards and the approval record of the minutes. */
function procedureParts(p: ProcedureRecord, itemLabel: Map<string, string>, tz: string): FileChild[] {
  const out: FileChild[] = [];
  if (p.invitations && p.invitations.length > 0) {
    out.push(new Paragraph({ heading: 'Heading1', children: textRuns('Invited experts and observers') }));
    out.push(simpleTable(['Name', 'Invited by the decision', 'Taken at'], p.invitations.map((i) => [i.name, i.decision, i.meeting]), [3, 5, 3]));
  }
  out.push(new Paragraph({ heading: 'Heading1', children: textRuns('Competition-law safeguards') }));
  if (!p.safeguards.some((s) => s.kind === 'statement_read'))
    out.push(new Paragraph({ children: textRuns('No reading of the competition-law statement was recorded.') }));
  if (p.safeguards.length > 0)
    out.push(
      simpleTable(
        ['Time', 'What', 'Who', 'Item'],
        p.safeguards.map((s) => [clock(s.at, tz), SAFEGUARD_LABEL[s.kind], [s.by, ...s.names].filter(Boolean).join(', '), s.sectionKey ? (itemLabel.get(s.sectionKey) ?? '') : '']),
        [1.4, 4, 3, 1],
      ),
    );
  out.push(new Paragraph({ heading: 'Heading1', children: textRuns('Approval of these minutes') }));
  const a = p.approval;
  const lines = [
    a.circulatedBy || a.circulatedOn ? `Circulated${a.circulatedBy ? ` by ${a.circulatedBy}` : ''}${a.circulatedOn ? ` on ${longDate(a.circulatedOn)}` : ''}.` : 'Not yet circulated.',
    a.approvedBy || a.approvedOn || a.approvedInMeeting
      ? `Approved${a.approvedBy ? ` by ${a.approvedBy}` : ''}${a.approvedOn ? ` on ${longDate(a.approvedOn)}` : ''}${a.approvedInMeeting ? ` at ${a.approvedInMeeting}` : ''}.`
      : 'Not yet approved.',
  ];
  for (const l of lines) out.push(new Paragraph({ children: textRuns(l) }));
  return out;
}
