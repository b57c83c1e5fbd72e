/**
 * Text under a right-to-left override (U+202E … U+202C) is shown backwards: "\u202EscitoboR ateB\u202C" is stored
 * "scitoboR ateB" and every viewer (Word, LibreOffice, a browser) shows "Beta Robotics". The redaction check reads such
 * text both ways (shared/text/look-alikes.ts foldAsCheck): as it is shown, and as it is stored, which is what a copy
 * out of the file or a search engine gets. Only the override turns Latin letters round; embeddings and isolates
 * (U+202A, U+202B, U+2066–U+2068) do not, but they nest with it and end where it ends.
 */

const RLO = '\u202E';
const LRO = '\u202D';
const PDF = '\u202C';
const PDI = '\u2069';
const EMBEDDINGS = new Set(['\u202A', '\u202B']);
const ISOLATES = new Set(['\u2066', '\u2067', '\u2068']);
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/gu;
/** A paragraph ends every override, embedding and isolate (Unicode's bidi algorithm runs per paragraph). */
const PARAGRAPH = /(\r\n|[\n\r\u0085\u2028\u2029])/u;

/** Whether the text holds a right-to-left override (the one control that shows Latin letters in another order). */
export function hasOverride(s: string): boolean {
  return s.includes(RLO);
}

/** The text without its bidi controls: as stored, in the order a copy out of the file gives. */
export function withoutBidiControls(s: string): string {
  return s.replace(BIDI_CONTROL, '');
}

interface Level {
  /** How the level was opened: an override reverses its units, anything else keeps them in order. */
  reversed: boolean;
  isolate: boolean;
  units: string[];
}

/**
 * The text in the order it is shown, without bidi controls: what a right-to-left override holds is read backwards, a
 * left-to-right override, embedding or isolate inside it as one unit in its place. An override left open runs to the
 * end of its paragraph. Letters of right-to-left scripts are left where they are stored (their order is not what
 * disguises a Latin passage).
 */
export function shownOrder(s: string): string {
  if (!hasOverride(s)) return withoutBidiControls(s);
  return s
    .split(PARAGRAPH)
    .map((part) => (PARAGRAPH.test(part) ? part : shownParagraph(part)))
    .join('');
}

function shownParagraph(p: string): string {
  const stack: Level[] = [{ reversed: false, isolate: false, units: [] }];
  const close = () => {
    const level = stack.pop()!;
    const text = (level.reversed ? [...level.units].reverse() : level.units).join('');
    stack[stack.length - 1]!.units.push(text);
  };
  for (const c of p) {
    if (c === RLO || c === LRO || EMBEDDINGS.has(c)) stack.push({ reversed: c === RLO, isolate: false, units: [] });
    else if (ISOLATES.has(c)) stack.push({ reversed: false, isolate: true, units: [] });
    else if (c === PDF) {
      // Ends the innermost override or embedding, not an isolate (nor anything outside one).
      if (stack.length > 1 && !stack[stack.length - 1]!.isolate) close();
    } else if (c === PDI) {
      // Ends the innermost isolate and everything opened inside it.
      if (stack.some((l, i) => i > 0 && l.isolate)) {
        while (!stack[stack.length - 1]!.isolate) close();
        close();
      }
    } else stack[stack.length - 1]!.units.push(c);
  }
  while (stack.length > 1) close();
  return stack[0]!.units.join('');
}

/**
 * The ways a passage reads: itself, or, under a right-to-left override, as shown and as stored (each without
 * controls). A flagged passage is searched for in each.
 */
export function bidiReadings(s: string): string[] {
  if (!hasOverride(s)) return [s];
  const stored = withoutBidiControls(s);
  const shown = shownOrder(s);
  return shown === stored ? [stored] : [shown, stored];
}
