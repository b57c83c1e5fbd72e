// No docx here: ExportService uses these rules outside an export too (draft check, preview options); the paragraph that
// prints the issue line lives with the builders (frame.ts), so docx loads only when an export starts (issue 16).
import { DEFAULT_DOCUMENT_CONVENTIONS } from '../../../shared/domain/body';
import type { Meeting } from '../../../shared/domain/meeting';
import { MINUTES_STATUS_LABEL, type MinutesStatus } from '../../../shared/domain/minutes';
import { dateInZone, knownZone, longDate, meetingLocalInZone } from './dates';
import type { DocumentConventions, ExportKind } from './types';

/**
 * EU document conventions, resolved once per document from the body's settings (every one has a default): the
 * reference, "Brussels, <date of issue>", the chair, the one time zone and language, the internal marking, and the
 * draft marking of anything built from minutes that are not approved.
 */
export interface Conventions {
  bodyName: string;
  chair: string;
  referencePrefix: string;
  placeOfIssue: string;
  timeZone: string;
  language: string;
  internalMarking: string;
}

export function conventionsOf(body: DocumentConventions): Conventions {
  const d = DEFAULT_DOCUMENT_CONVENTIONS;
  return {
    bodyName: body.name,
    chair: body.chair,
    referencePrefix: body.referencePrefix ?? d.referencePrefix,
    placeOfIssue: body.placeOfIssue ?? d.placeOfIssue,
    timeZone: knownZone(body.timeZone ?? d.timeZone),
    language: /^[a-z]{2,3}(-[A-Z]{2})?$/.test(body.language ?? '') ? body.language! : d.language,
    internalMarking: body.internalMarking?.trim() || d.internalMarking,
  };
}

/** The part of a reference that names the kind of document. */
export const KIND_CODE: Record<ExportKind, string> = {
  agenda: 'AG',
  internal_minutes: 'MIN',
  public_summary: 'PS',
  participants: 'LP',
  redaction_record: 'RR',
};

/** "AIO/SIGTF/2026/03/MIN": prefix, the meeting's year and number, the kind; '' when the body sets no prefix. */
export function documentReference(c: Conventions, meeting: Pick<Meeting, 'startsAt' | 'sequence'>, kind: ExportKind): string {
  const prefix = c.referencePrefix.trim().replace(/\/+$/, '');
  if (!prefix) return '';
  const year = /^\d{4}/.exec(meeting.startsAt)?.[0] ?? '0000';
  return `${prefix}/${year}/${String(Math.max(0, meeting.sequence)).padStart(2, '0')}/${KIND_CODE[kind]}`;
}

/** "Brussels, 1 December 2026": the place of issue and the date of issue in the body's zone. */
export function issueLine(c: Conventions, issuedAt: string | undefined, meeting: Pick<Meeting, 'startsAt' | 'timeZone'>): string {
  const date = issuedAt ? dateInZone(issuedAt, c.timeZone) : '';
  const shown = date ? longDate(date) : meetingLocalInZone(meeting.startsAt, meeting.timeZone, c.timeZone).date;
  return c.placeOfIssue.trim() ? `${c.placeOfIssue.trim()}, ${shown}` : shown;
}

/** Minutes that are not approved (or whose status is unknown: fail closed) make every document built from them a draft. */
export function isDraft(minutes: { status: MinutesStatus } | undefined): boolean {
  return minutes?.status !== 'approved';
}

/** The marking on every page of a draft: "DRAFT — minutes not approved (version 2, circulated for comments)". */
export function draftMarking(minutes: { status: MinutesStatus; version: number } | undefined): string | null {
  if (!isDraft(minutes)) return null;
  if (!minutes) return 'DRAFT — minutes not approved';
  return `DRAFT — minutes not approved (version ${minutes.version}, ${MINUTES_STATUS_LABEL[minutes.status].toLowerCase()})`;
}

/** "Version 2 · Status: Approved". */
export function minutesStatusLine(minutes: { status: MinutesStatus; version: number } | undefined): string {
  if (!minutes) return 'Version 1 · Status: Draft';
  return `Version ${minutes.version} · Status: ${MINUTES_STATUS_LABEL[minutes.status]}`;
}
