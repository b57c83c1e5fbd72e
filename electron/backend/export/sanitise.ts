import { Tab, TextRun, type IRunOptions } from 'docx';

/**
 * The one text sanitiser of every export. docx writes strings into XML as they are, so a character that XML 1.0
 * forbids would make a file Word refuses to open, and `\n` / `\t` would be written literally (and ignored by Word).
 * Every string that reaches a document, its properties or its file name goes through `sanitiseText`, and every run
 * of text through `textRuns`, which is built on it.
 */

export { sanitiseText } from '../../../shared/text/sanitise';
import { sanitiseText } from '../../../shared/text/sanitise';

/** Run formatting that builders pass through (everything but the text itself). */
export type RunStyle = Omit<IRunOptions, 'text' | 'children' | 'break'>;

/**
 * Sanitised text as runs: `\n` becomes a line break, `\t` a tab, everything else text. Empty input gives no runs.
 */
export function textRuns(text: string, style: RunStyle = {}): TextRun[] {
  const clean = sanitiseText(text);
  const runs: TextRun[] = [];
  const lines = clean.split('\n');
  lines.forEach((line, li) => {
    const parts = line.split('\t');
    const children: Array<string | Tab> = [];
    parts.forEach((p, pi) => {
      if (pi > 0) children.push(new Tab());
      if (p !== '') children.push(p);
    });
    if (li > 0) runs.push(new TextRun({ ...style, break: 1, children }));
    else if (children.length > 0) runs.push(new TextRun({ ...style, children }));
  });
  return runs;
}

/** Sanitised, single-line text for properties and labels: line breaks and tabs become spaces. */
export function singleLine(text: string): string {
  return sanitiseText(text).replace(/[\n\t]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}
