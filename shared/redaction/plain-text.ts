import { eachBlock } from './walk';
import type { PublicBlock, PublicDocument, PublicInline, PublicTable } from './public-model';

/** What a withheld section shows under its title. */
export const WITHHELD_NOTE = 'Not published.';

/** Text of inlines with the marker standing for each redacted run (pass '' to drop the markers). */
export function inlinesPlainText(inlines: readonly PublicInline[], marker: string): string {
  let s = '';
  for (const i of inlines) {
    if (i.kind === 'text') s += i.text;
    else if (i.kind === 'redacted') s += marker;
    else if (i.kind === 'break') s += '\n';
    else if (i.kind === 'tab') s += '\t';
    else s += inlinesPlainText(i.children, marker);
  }
  return s;
}

/** One block as a line of plain text, with a light prefix for list items, decisions and actions. */
export function blockPlainText(b: PublicBlock, marker: string): string {
  if (b.kind === 'table') return tablePlainText(b, marker);
  const text = inlinesPlainText(b.inlines, marker);
  switch (b.kind) {
    case 'listItem':
      return `${'  '.repeat(b.depth)}${b.ordered ? '#' : '•'} ${text}`;
    case 'decision':
      return `Decision: ${text}`;
    case 'action':
      return `Action: ${text}`;
    default:
      return text;
  }
}

/** A table as plain text: one line per row, cells apart by a tab, the blocks of a cell apart by a space. */
export function tablePlainText(t: PublicTable, marker: string): string {
  return t.rows.map((r) => r.cells.map((c) => c.blocks.map((b) => blockPlainText(b, marker)).join(' ')).join('\t')).join('\n');
}

/** The whole public document as plain text, marker substituted: for the live preview and for tests. */
export function publicPlainText(doc: PublicDocument): string {
  const lines = [doc.bodyName, doc.meetingTitle, doc.date];
  if (doc.organisations.length > 0) lines.push(`Participants: ${doc.organisations.join(', ')}`);
  for (const s of doc.sections) {
    lines.push('', [s.number, s.title].filter((x) => x !== '').join(' '));
    if (s.withheld) lines.push(WITHHELD_NOTE);
    for (const b of s.blocks) lines.push(blockPlainText(b, doc.marker));
  }
  return lines.join('\n');
}

/**
 * The plain text of a stored section, read by the one reader (./walk.ts): one line per block, timestamps as their
 * text, line breaks as "\n", tabs as "\t". Throws a RedactionError on content the redaction cannot judge, so a save
 * refuses it before anything is written. `content` may be a ReadSection (a section read once for several readers).
 */
export function sectionText(content: unknown): string {
  const lines: string[] = [];
  eachBlock(content, 'content', (_shape, atoms) => lines.push(atoms.map((a) => a.text).join('')));
  return lines.join('\n');
}
