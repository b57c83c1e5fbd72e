/**
 * The public document model: what the public summary may contain, and nothing else. It is built only by
 * `redact()` (shared/redaction) from the minutes, the flags' positions and the withheld items; the DOCX builder of
 * the public summary and the live preview render it and never see the minutes themselves.
 *
 * A flagged passage becomes one `redacted` inline, whatever its length; a link inside a flag loses its URL with it.
 */
export type PublicInline =
  | { kind: 'text'; text: string; bold?: boolean; italic?: boolean; underline?: boolean }
  | { kind: 'redacted' }
  | { kind: 'break' }
  | { kind: 'tab' }
  | { kind: 'link'; url: string; children: PublicInline[] };

export type PublicBlock =
  | { kind: 'paragraph'; inlines: PublicInline[] }
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; inlines: PublicInline[] }
  | { kind: 'quote'; inlines: PublicInline[] }
  | { kind: 'listItem'; ordered: boolean; depth: number; inlines: PublicInline[] }
  | { kind: 'decision'; inlines: PublicInline[] }
  | { kind: 'action'; inlines: PublicInline[] };

export interface PublicSection {
  /** Agenda item id, or 'opening' / 'closing'. */
  key: string;
  /** '1', '2.1', or '' for opening and closing. */
  number: string;
  title: string;
  /** Withheld from publication: no blocks, and the title shown with "not published" (or the section omitted). */
  withheld: boolean;
  blocks: PublicBlock[];
}

export interface PublicDocument {
  /** The constant that stands for every flagged passage, e.g. "[…]". */
  marker: string;
  bodyName: string;
  meetingTitle: string;
  /** Local date of the meeting, YYYY-MM-DD. */
  date: string;
  /** Organisations that took part (names only; people are never published). */
  organisations: string[];
  sections: PublicSection[];
}
