/**
 * Patterns over lemmas: a pattern is a sequence of steps, each a set of lemmas (or lower-case forms) that one token
 * must have, with at most `gap` other tokens between consecutive steps. "take over" matches "took over", "taking
 * over" and "take the firm over" (gap 2); ["ask", "not", "minute|quote|…"] matches "asked that its remarks not be
 * minuted". Written as strings: "ask|request … not|n't … minute|quote" (steps separated by " … " when a gap is
 * allowed, by " " when the words must be adjacent).
 */
import type { Token } from './nlp';

export interface Step {
  words: ReadonlySet<string>;
  /** Tokens allowed between the previous step and this one. */
  gap: number;
}

export interface Pattern {
  steps: Step[];
  source: string;
}

/** "raise … capital|fund|round" → steps; `gap` is the gap for " … ". */
export function pattern(source: string, gap = 6): Pattern {
  const steps: Step[] = [];
  let nextGap = 0;
  for (const part of source.split(/\s+/u)) {
    if (part === '…' || part === '...') {
      nextGap = gap;
      continue;
    }
    steps.push({ words: new Set(part.split('|')), gap: steps.length === 0 ? 0 : nextGap });
    nextGap = 0;
  }
  return { steps, source };
}

const has = (step: Step, t: Token) => step.words.has(t.lemma) || step.words.has(t.lower);

/** The first match of `p` among tokens [from, to): token indices of its first and last step, or null. */
export function matchIn(p: Pattern, tokens: readonly Token[], from: number, to: number): { first: number; last: number } | null {
  const first = p.steps[0]!;
  for (let i = from; i < to; i++) {
    if (!has(first, tokens[i]!)) continue;
    let at = i;
    let ok = true;
    for (let s = 1; s < p.steps.length && ok; s++) {
      const step = p.steps[s]!;
      ok = false;
      for (let k = at + 1; k < to && k <= at + 1 + step.gap; k++) {
        if (has(step, tokens[k]!)) {
          at = k;
          ok = true;
          break;
        }
        if (tokens[k]!.text === '.' || tokens[k]!.text === ';') break;
      }
    }
    if (ok) return { first: i, last: at };
  }
  return null;
}

export function anyMatch(list: readonly Pattern[], tokens: readonly Token[], from: number, to: number): Pattern | null {
  for (const p of list) if (matchIn(p, tokens, from, to)) return p;
  return null;
}
