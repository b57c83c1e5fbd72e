import { MEETING_KIND_LABEL, type MeetingKind, type MeetingStatus } from '../domain/meeting';
import type { Organisation } from '../domain/members';

/**
 * The public models of the register's two documents: exactly what may be published, built from the stored data by
 * allowlist (never a copy with fields removed). The DOCX builders render these and nothing else.
 */

/** Meetings that count as held, so they belong in the public register. */
export const HELD_STATUSES: readonly MeetingStatus[] = ['held', 'minutes_drafted', 'minutes_approved', 'summary_published'];

export interface PublicRegisterEntry {
  date: string;
  kind: string;
  group: string;
  title: string;
  /** yyyy-mm-dd, or '' when the summary is not published yet. */
  summaryPublishedOn: string;
}

export interface RegisterSource {
  title: string;
  kind: MeetingKind;
  group: string;
  startsAt: string;
  status: MeetingStatus;
  summaryPublishedAt: string | null;
  example: boolean;
}

/** Held meetings of the real data (not the example), oldest first. */
export function publicRegister(rows: readonly RegisterSource[]): PublicRegisterEntry[] {
  return rows
    .filter((r) => !r.example && HELD_STATUSES.includes(r.status))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .map((r) => ({
      date: r.startsAt.slice(0, 10),
      kind: MEETING_KIND_LABEL[r.kind],
      group: r.group,
      title: r.title,
      summaryPublishedOn: r.status === 'summary_published' && r.summaryPublishedAt ? r.summaryPublishedAt.slice(0, 10) : '',
    }));
}

export interface PublicMember {
  name: string;
  shortName: string;
  /** Names and roles of the representatives; e-mail addresses are never published. */
  representatives: Array<{ name: string; role: string }>;
}

/** The member organisations of the real roster (not the example's), alphabetically. */
export function publicMemberList(orgs: readonly Organisation[], exampleIds: ReadonlySet<string>): PublicMember[] {
  return orgs
    .filter((o) => o.isMember && !exampleIds.has(o.id))
    .map((o) => ({
      name: o.name,
      shortName: o.shortName && o.shortName !== o.name ? o.shortName : '',
      representatives: o.representatives.map((r) => ({ name: r.name, role: r.role })).sort((a, b) => a.name.localeCompare(b.name, 'en')),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}
