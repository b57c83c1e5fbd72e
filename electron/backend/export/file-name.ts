import { EXPORT_KIND_LABEL, type ExportKind } from './types';
// The one sanitiser, from shared/ directly: './sanitise' also holds docx helpers, and this module is on the start-up path
// (package-service's safeFilePart), which must not load docx (issue 16).
import { sanitiseText } from '../../../shared/text/sanitise';

const MAX_TITLE = 80;

/**
 * The default file name: "2026-01-30 Constitutive meeting – public summary.docx". Built from the meeting's date and
 * title and the kind only (never from minutes or flagged text), with characters that are unsafe in file names on
 * Windows, macOS or Linux removed.
 */
export function defaultFileName(meetingDate: string, meetingTitle: string, kind: ExportKind): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(meetingDate) ? meetingDate : 'undated';
  const title = safeFilePart(meetingTitle).slice(0, MAX_TITLE).trim() || 'Meeting';
  return `${date} ${title} – ${EXPORT_KIND_LABEL[kind]}.docx`;
}

/** Letters, digits, spaces and a few harmless punctuation marks; everything else becomes a space. */
export function safeFilePart(s: string): string {
  return sanitiseText(s)
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ,.'()&+\-\u2013]/gu, ' ') // \u2013: an en dash (the bundles stay ASCII)
    .replace(/\s+/g, ' ')
    .replace(/^[ .]+|[ .]+$/g, '');
}
