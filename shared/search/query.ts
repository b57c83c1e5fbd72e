/**
 * The search box's small query language, turned into an FTS5 MATCH expression that can never be a syntax error:
 *   words            all of them (any order)
 *   "a phrase"       these words in this order
 *   pref*            words starting with "pref"
 * Everything else (FTS5 operators, brackets, colons) is treated as text. Returns null when nothing searchable is left.
 */
export interface ParsedQuery {
  /** The FTS5 expression. */
  match: string;
  /** What was understood, for the results' heading: words, phrases and prefixes. */
  terms: Array<{ kind: 'word' | 'phrase' | 'prefix'; text: string }>;
  /** The FTS5 expression of each term alone, in the order of `terms` (`match` is them joined: all must match). */
  parts: string[];
}

const MAX_TERMS = 16;

/** Letters and digits (any script) make words; everything else separates them, as FTS5's unicode61 does. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

export function parseQuery(input: string): ParsedQuery | null {
  const terms: ParsedQuery['terms'] = [];
  const parts: string[] = [];
  const re = /"([^"]*)"?|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(input)) !== null && terms.length < MAX_TERMS) {
    if (m[1] !== undefined) {
      const words = m[1].match(WORD) ?? [];
      if (words.length === 0) continue;
      const text = words.join(' ');
      terms.push({ kind: words.length > 1 ? 'phrase' : 'word', text });
      parts.push(quote(text));
      continue;
    }
    const raw = m[2]!;
    const prefix = raw.endsWith('*');
    const words = raw.match(WORD) ?? [];
    if (words.length === 0) continue;
    const text = words.join(' ');
    if (prefix) {
      terms.push({ kind: 'prefix', text: `${text}*` });
      parts.push(`${quote(text)} *`);
    } else {
      // "general-purpose" is one phrase of two words, as the tokenizer sees it.
      terms.push({ kind: words.length > 1 ? 'phrase' : 'word', text });
      parts.push(quote(text));
    }
  }
  if (parts.length === 0) return null;
  return { match: parts.join(' '), terms, parts };
}
