/**
 * The org_near_figure rule: a member organisation named in the same sentence as a figure, an amount, a percentage,
 * a date or a forward-looking word that is said about it. A trigger belongs to the nearest actor before it (the
 * subject usually comes first), else the nearest after; when that actor is an institution (the AI Office, the
 * Commission, the chair…), the trigger is the institution's business, not the member's. A following sentence that
 * opens with "It/They/The company…" and names no actor of its own continues about the member (within ~12 words).
 */
import { PROCEDURAL_DATE, REFERRING_START } from './lexicon';
import { phraseKey, wordMatches } from './matchers';
import { splitClauses, type Span } from './sentences';
import { findTriggers, type Trigger } from './triggers';
import type { CompiledContext } from './compile';

export interface Finding extends Span {
  reason: string;
}

interface Actor extends Span {
  member: boolean;
  name: string;
}

const NEAR_WORDS = 12;
const WORD = /[\p{L}\p{N}]+/gu;

function describe(t: Trigger, quote: (s: Span) => string): string {
  const q = `“${quote(t)}”`;
  switch (t.kind) {
    case 'amount':
      return `an amount (${q})`;
    case 'percent':
      return `a percentage (${q})`;
    case 'date':
      return `a date (${q})`;
    case 'figure':
      return `a figure (${q})`;
    case 'duration':
      return `a duration (${q})`;
    default:
      return q;
  }
}

function listPhrase(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Enough signal: one strong trigger, or two different weak ones. */
function enough(triggers: Trigger[]): boolean {
  if (triggers.some((t) => t.strong)) return true;
  return new Set(triggers.map((t) => t.text.toLowerCase())).size >= 2;
}

export function findCommercial(
  text: string,
  lower: string,
  sentences: Span[],
  c: CompiledContext,
  quote: (s: Span) => string,
  contacts: readonly Span[] = [],
): Finding[] {
  if (!c.members) return [];
  const actors: Actor[] = [];
  for (const m of wordMatches(lower, c.members)) {
    actors.push({ start: m.index, end: m.index + m[0].length, member: true, name: c.memberNames.get(phraseKey(m[0])) ?? m[0] });
  }
  if (actors.length === 0) return [];
  const members = actors.length;
  let mi = 0; // member mentions are sorted: one pointer finds the one an institution might overlap
  for (const m of wordMatches(lower, c.institutions)) {
    const s = m.index;
    const e = s + m[0].length;
    while (mi < members && actors[mi]!.end <= s) mi++;
    const overlaps = mi < members && actors[mi]!.start < e;
    if (!overlaps) actors.push({ start: s, end: e, member: false, name: m[0] });
  }
  actors.sort((a, b) => a.start - b.start);

  const sentenceStarts = new Set(sentences.map((s) => s.start));
  const all = findTriggers(text, lower, (pos) => sentenceStarts.has(pos), c.referenceMonth, contacts);

  // Walk sentences, actors and triggers together (all sorted by position).
  const out: Finding[] = [];
  let ai = 0;
  let ti = 0;
  const perSentence: Array<{ actors: Actor[]; triggers: Trigger[] }> = [];
  for (const s of sentences) {
    while (ai < actors.length && actors[ai]!.start < s.start) ai++;
    const sa: Actor[] = [];
    for (let k = ai; k < actors.length && actors[k]!.start < s.end; k++) sa.push(actors[k]!);
    while (ti < all.length && all[ti]!.start < s.start) ti++;
    const st: Trigger[] = [];
    let ak = 0; // triggers and actors are both sorted: walk them together (linear even in one huge sentence)
    for (let k = ti; k < all.length && all[k]!.start < s.end; k++) {
      const t = all[k]!;
      if (t.end > s.end) continue;
      while (ak < sa.length && sa[ak]!.end <= t.start) ak++;
      if (ak < sa.length && sa[ak]!.start < t.end) continue; // part of a name
      if (t.kind === 'date') {
        const around = lower.slice(Math.max(s.start, t.start - 48), Math.min(s.end, t.end + 48));
        if (PROCEDURAL_DATE.test(around)) continue; // meeting logistics
      }
      st.push(t);
    }
    perSentence.push({ actors: sa, triggers: st });
  }

  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    const { actors: sa, triggers: st } = perSentence[i]!;
    if (!sa.some((a) => a.member)) continue;
    const mine: Array<{ t: Trigger; a: Actor }> = [];
    let before = -1; // index of the last actor ending before the trigger
    for (const t of st) {
      while (before + 1 < sa.length && sa[before + 1]!.end <= t.start) before++;
      const owner = before >= 0 ? sa[before] : sa.find((a) => a.start >= t.end);
      if (owner?.member) mine.push({ t, a: owner });
    }
    if (mine.length > 0 && enough(mine.map((x) => x.t))) {
      out.push(finding(text, s, mine, quote));
      continue;
    }
    // Continuation in the next sentence: "Mistral AI gave an update. It will launch … in Q3."
    const next = sentences[i + 1];
    const nextInfo = perSentence[i + 1];
    if (!next || !nextInfo || nextInfo.actors.length > 0) continue;
    if (!REFERRING_START.test(lower.slice(next.start, next.start + 40))) continue;
    const lastMember = [...sa].reverse().find((a) => a.member)!;
    const near = nextInfo.triggers.filter((t) => (text.slice(lastMember.end, t.start).match(WORD) ?? []).length <= NEAR_WORDS);
    if (near.length > 0 && enough(near)) {
      const both = { start: s.start, end: next.end };
      out.push(finding(text, both, near.map((t) => ({ t, a: lastMember })), quote));
      i++;
    }
  }
  return out;
}

function finding(text: string, sentence: Span, mine: Array<{ t: Trigger; a: Actor }>, quote: (s: Span) => string): Finding {
  // The clause(s) that carry it: from the first clause holding a named member or trigger to the last.
  const clauses = splitClauses(text, sentence);
  let span: Span = sentence;
  if (clauses.length > 1) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const { t, a } of mine) {
      lo = Math.min(lo, a.start, t.start);
      hi = Math.max(hi, a.start, t.end - 1);
    }
    const first = clauses.find((cl) => cl.end > lo) ?? clauses[0]!;
    const last = [...clauses].reverse().find((cl) => cl.start <= hi) ?? clauses[clauses.length - 1]!;
    span = { start: first.start, end: Math.max(first.end, last.end) };
  }
  const names = [...new Set(mine.map((x) => x.a.name))];
  // Show figures and dates first, then strong words, then weak ones; each wording once.
  const order = (t: Trigger) => (t.kind !== 'word' ? 0 : t.strong ? 1 : 2);
  const seen = new Set<string>();
  const shown = [...mine]
    .sort((a, b) => order(a.t) - order(b.t) || a.t.start - b.t.start)
    .filter((x) => !seen.has(x.t.text.toLowerCase()) && seen.add(x.t.text.toLowerCase()))
    .slice(0, 3)
    .map((x) => describe(x.t, quote));
  const reason = `Names ${listPhrase(names)} with ${listPhrase(shown)}: may be commercially sensitive.`;
  return { start: span.start, end: span.end, reason };
}
