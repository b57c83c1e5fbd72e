/**
 * The public document model: what the public summary may contain, and nothing else. It is built only by
 * `redact()` (shared/redaction) from the minutes, the flags' positions and the withheld items; the DOCX builder of
 * the public summary and the live preview render it and never see the minutes themselves.
 *
 * A flagged passage becomes one `redacted` inline, whatever its length; a link inside a flag loses its URL with it.
 */
export type PublicInline =
  | {
      kind: 'text';
      text: string;
      bold?: boolean;
      italic?: boolean;
      underline?: boolean;
      strike?: boolean;
      subscript?: boolean;
      superscript?: boolean;
      code?: boolean;
    }
  | { kind: 'redacted' }
  | { kind: 'break' }
  | { kind: 'tab' }
  | { kind: 'link'; url: string; children: PublicInline[] };

export type PublicBlock =
  | { kind: 'paragraph'; inlines: PublicInline[] }
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; inlines: PublicInline[] }
  | { kind: 'quote'; inlines: PublicInline[] }
  | { kind: 'listItem'; ordered: boolean; depth: number; /** Numbering restarts per list. */ list: number; inlines: PublicInline[] }
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

/**
 * The public summary as a reader sees it, block by block: the one model that the DOCX builder
 * (electron/backend/export/build-public-summary.ts) and the live preview (renderer/features/preview) both render, and
 * nothing else. Every word either of them shows is in these blocks; each renders each block as one paragraph, so the
 * preview's text equals the DOCX's text (a property test checks it). Built by `publicSummary()`.
 */
export type SummaryBlock =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'meta'; text: string }
  /** Level 1: document parts and agenda items; 2: sub-items; 3–6: headings inside the minutes. */
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; inlines: PublicInline[] }
  /** `note`: a remark of the document itself ("Not published.", "No summary for this item."), in italics. */
  | { kind: 'paragraph'; inlines: PublicInline[]; note?: boolean }
  | { kind: 'quote'; inlines: PublicInline[] }
  /** `list` numbers the lists of the whole document: items of one list share it, numbering restarts per list. */
  | { kind: 'listItem'; ordered: boolean; depth: number; list: number; inlines: PublicInline[] }
  /** A decision or action as minuted; its inlines start with the bold label ("Decision: "). */
  | { kind: 'record'; record: 'decision' | 'action'; inlines: PublicInline[] };

/** An in-force flag whose mark is gone while its text would be published: the export is refused until it is resolved. */
export interface PublicationBlocker {
  flagId: string;
  /** The flagged text, as recorded (internal: shown to the officer, never published). */
  excerpt: string;
  /** Where the text would be printed: the section's heading. */
  where: string;
}

export interface PublicSummary {
  marker: string;
  bodyName: string;
  meetingTitle: string;
  /** Local date of the meeting, YYYY-MM-DD (document properties). */
  date: string;
  blocks: SummaryBlock[];
  /** Empty when the summary may be published. */
  blockers: PublicationBlocker[];
}
