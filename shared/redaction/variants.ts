import type { Apart } from './match-text';

/**
 * `norm` with its part `from`–`to` written each way of `forms`, with at most `context` words of `norm` on each side
 * (figure-forms.ts, date-forms.ts). The matcher passes WINDOW_WORDS - 1: every window of a long passage that holds
 * the part is in the form, and the words further off are searched as the passage's own windows, so a long passage
 * with many figures does not give hundreds of copies of itself to index.
 */
export function around(norm: string, from: number, to: number, forms: readonly string[], context: number): string[] {
  const before = norm.slice(0, from);
  const after = norm.slice(to);
  const b = context === Infinity ? before : keepLastWords(before, context);
  const a = context === Infinity ? after : keepFirstWords(after, context);
  return forms.map((f) => b + f + a);
}

/** The last `n` words of `s` (with the space after them that leads to the part), or all of it. */
function keepLastWords(s: string, n: number): string {
  let at = s.length;
  // `at` is where the words kept start; `s` ends with a space, so the word before `at` starts after the space before it.
  for (let words = 0; at > 0; ) {
    const space = s.lastIndexOf(' ', at - 2);
    if (++words > n) return s.slice(at);
    if (space < 0) return s;
    at = space + 1;
  }
  return s.slice(at);
}

/** The first `n` words of `s` (with the space before them that leads from the part), or all of it. */
function keepFirstWords(s: string, n: number): string {
  let at = 0;
  for (let words = 0; at < s.length; ) {
    const space = s.indexOf(' ', at + 1);
    if (++words > n) return s.slice(0, at);
    if (space < 0) return s;
    at = space;
  }
  return s.slice(0, at);
}

/** A form of a flagged passage, and what may not stand beside it where it is found (`Apart`, match-text.ts). */
export interface FormBeside {
  form: string;
  apart?: Apart;
}

/**
 * Forms gathered from several readings (figure-forms.ts, date-forms.ts, contact-forms.ts): a form given twice is
 * searched without a condition if either way gives it so (a condition only ever narrows what is found).
 */
export class FormsBeside {
  private readonly out = new Map<string, Apart | undefined>();
  add(form: string, apart?: Apart): void {
    this.out.set(form, this.out.has(form) && this.out.get(form) === undefined ? undefined : apart);
  }
  delete(form: string): void {
    this.out.delete(form);
  }
  list(): FormBeside[] {
    return [...this.out].map(([form, apart]) => (apart === undefined ? { form } : { form, apart }));
  }
}
