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
  /** `recordId` links to the decision / action record (outcome; owner, due date, status). */
  | { kind: 'decision'; recordId?: string; inlines: PublicInline[] }
  | { kind: 'action'; recordId?: string; inlines: PublicInline[] }
  | PublicTable;

/** What a table cell may hold: text blocks only (never a decision, an action or another table). */
export type PublicCellBlock =
  | { kind: 'paragraph'; inlines: PublicInline[] }
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; inlines: PublicInline[] }
  | { kind: 'quote'; inlines: PublicInline[] }
  | { kind: 'listItem'; ordered: boolean; depth: number; list: number; inlines: PublicInline[] };

export interface PublicTableCell {
  header: boolean;
  colSpan: number;
  rowSpan: number;
  /** Empty blocks are dropped; a cell with none is an empty cell. */
  blocks: PublicCellBlock[];
}
export interface PublicTableRow {
  /** A header row (repeated on every page in the DOCX). */
  header: boolean;
  cells: PublicTableCell[];
}
/** A table of the minutes (a pasted table), its cells redacted like paragraphs. Rows with no cells are dropped. */
export interface PublicTable {
  kind: 'table';
  rows: PublicTableRow[];
}

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
  /** `role`: 'issue' for "Brussels, <date of issue>" (right-aligned), 'marking' for the draft marking (in red). */
  | { kind: 'meta'; text: string; role?: 'issue' | 'marking' }
  /** Level 1: document parts and agenda items; 2: sub-items; 3–6: headings inside the minutes. */
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; inlines: PublicInline[] }
  /** `note`: a remark of the document itself ("Not published.", "No summary for this item."), in italics. */
  | { kind: 'paragraph'; inlines: PublicInline[]; note?: boolean }
  | { kind: 'quote'; inlines: PublicInline[] }
  /** `list` numbers the lists of the whole document: items of one list share it, numbering restarts per list. */
  | { kind: 'listItem'; ordered: boolean; depth: number; list: number; inlines: PublicInline[] }
  /** A decision or action as minuted; its inlines start with the bold label ("Decision: "). */
  | { kind: 'record'; record: 'decision' | 'action'; inlines: PublicInline[] }
  /**
   * A table of the minutes: each block of each cell is one paragraph in the DOCX and one block of the preview (an empty
   * cell is one empty paragraph in both), in row order.
   */
  | PublicTable;

/**
 * A flagged passage the summary would print: a flag in force whose mark is gone from this meeting's minutes, or a
 * passage another meeting's flag guards, typed here unflagged (`flaggedIn`). The export is refused until it is resolved.
 */
export interface PublicationBlocker {
  /**
   * - mark_missing: this meeting's flag is in force but its mark is gone from the minutes, while its text stands there;
   * - printed: a passage this meeting's flags guard would be printed without its flag (a copy typed elsewhere, an
   *   agenda title, the words of a flag whose text was deleted);
   * - elsewhere: a passage another meeting's flag guards would be printed (`flaggedIn` names that meeting);
   * - withheld: words of a withheld item of this meeting would be printed in a published one (`withheldIn` names the
   *   withheld item; `excerpt` is its line, `flagId` an internal key: withheld-copies.ts).
   */
  kind: 'mark_missing' | 'printed' | 'elsewhere' | 'withheld';
  flagId: string;
  /** The flagged text, as recorded, or the withheld item's line (internal: shown to the officer, never published). */
  excerpt: string;
  /** Where the text would be printed: the section's heading. */
  where: string;
  /**
   * How it is written there, when not as flagged (case, accents and spacing aside): another form of it ("eur 12m" for
   * a flagged "€12 million", "j roe" for "Dr Jane Roe"), or the words of it found (8 words, 40 characters). Read as the
   * check reads text: lower case, without accents. So the officer finds it.
   */
  printedAs?: string;
  /** Set when the flag is another meeting's: that meeting, by title and date ("“Second plenary” of 3 February 2026"). */
  flaggedIn?: string;
  /** Set for kind withheld: the withheld item, by its number and title on the agenda ("3.1 Market developments"). */
  withheldIn?: string;
}

/**
 * A withheld item the meeting's agenda does not show (removed from it: kept in the trash, or its minutes kept under the
 * meeting with no record of the item left), named for the officer
 * ("Market developments (removed from the agenda, in the trash)"): its text in `groups` (its minutes' units; its
 * description; its title where the meeting leaves withheld items out), searched for as the agenda's withheld items are
 * (withheld-copies.ts).
 */
export interface WithheldElsewhere {
  name: string;
  groups: ReadonlyArray<readonly string[]>;
  /** The addresses of its links: not a link target anywhere in the meeting (redact.ts withheldUrls). */
  urls?: readonly string[];
}

/** A passage another meeting's flag still guards (in force, or its text deleted there), with that meeting's name. */
export interface FlaggedElsewhere {
  id: string;
  excerpt: string;
  /** The meeting whose flag it is, by title and date. */
  meeting: string;
}

export interface PublicSummary {
  marker: string;
  bodyName: string;
  meetingTitle: string;
  /** Local date of the meeting, YYYY-MM-DD (document properties). */
  date: string;
  /** The draft marking for the header of every page ("DRAFT — minutes not approved …"), when the minutes are not approved. */
  draft?: string | null;
  /** The document's reference, for the header. */
  reference?: string;
  /** The document language (w:lang), e.g. "en-GB". */
  language?: string;
  blocks: SummaryBlock[];
  /** Empty when the summary may be published. */
  blockers: PublicationBlocker[];
}
