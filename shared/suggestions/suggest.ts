/**
 * suggest(): the passages of a text that may be confidential, for the officer to accept (they become flags) or
 * dismiss. Pure and synchronous; the renderer calls it debounced, off the keystroke path.
 *
 * Overlapping findings are merged into one span (their union) whose `kind` is the strongest (order of
 * SUGGESTION_KINDS) and whose `kinds` and `reason` list them all: the officer sees one underline per passage.
 * Findings that merely touch (one ends where the next starts) stay separate.
 * Dismissals apply twice: a finding whose own text was dismissed is dropped before merging, and a merged span whose
 * text was dismissed is dropped after.
 */
import { compileContext, dismissalKey, isCompiled, type CompiledContext } from './compile';
import { findEmails, findPhones } from './contact';
import { fold, lowerSameLength, toOriginal } from './fold';
import { phraseKey, wordMatches } from './matchers';
import { analyse } from './nlp';
import { splitClauses, splitSentences, type Span } from './sentences';
import type { Speaker } from './speaker';
import { analyseParagraph } from './statements';
import { findTriggers } from './triggers';
import { FLAG_REASON_OF_KIND, SUGGESTION_KINDS, type Suggestion, type SuggestionContext, type SuggestionKind } from './types';

/** A finding of one rule, before merging: a span of the folded text and why. */
interface Finding extends Span {
  reason: string;
}

const cache = new WeakMap<SuggestionContext, CompiledContext>();

function compiledOf(ctx: SuggestionContext | CompiledContext): CompiledContext {
  if (isCompiled(ctx)) return ctx;
  let c = cache.get(ctx);
  if (!c) {
    c = compileContext(ctx);
    cache.set(ctx, c);
  }
  return c;
}

const RANK = new Map<SuggestionKind, number>(SUGGESTION_KINDS.map((k, i) => [k, i]));

/** The sentence containing `pos` (binary search), or null. */
function sentenceAt(sentences: Span[], pos: number): Span | null {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}

/**
 * Sentence-level findings for every match of `re` in `lower`, one per sentence, listing what matched (as written,
 * from `text`).
 */
function perSentence(text: string, lower: string, sentences: Span[], re: RegExp | null, say: (matched: string[]) => string): Finding[] {
  if (!re) return [];
  const bySentence = new Map<Span, string[]>();
  const loose: Finding[] = [];
  for (const m of wordMatches(lower, re)) {
    const written = text.slice(m.index, m.index + m[0].length);
    const s = sentenceAt(sentences, m.index);
    if (s && s.end >= m.index + m[0].length) {
      const list = bySentence.get(s) ?? [];
      if (!list.some((x) => x.toLowerCase() === m[0])) list.push(written);
      bySentence.set(s, list);
    } else loose.push({ start: m.index, end: m.index + m[0].length, reason: say([written]) });
  }
  return [...[...bySentence].map(([s, list]) => ({ start: s.start, end: s.end, reason: say(list) })), ...loose];
}

const quoted = (list: string[]) => list.map((x) => `“${x}”`).join(', ');

export function suggest(text: string, context: SuggestionContext | CompiledContext): Suggestion[] {
  return suggestBlock(text, context).suggestions;
}

export interface BlockResult {
  suggestions: Suggestion[];
  /** Who is speaking at the end of the block: pass it as `speaker` for the next block of the same section. */
  speaker: Speaker | null;
}

/**
 * suggest() for one block of a section, knowing who was speaking at the end of the previous block (`speaker`), so that
 * "It expected…" in a paragraph after "Amazon reported…" is still Amazon's.
 */
export function suggestBlock(text: string, context: SuggestionContext | CompiledContext, speaker: Speaker | null = null): BlockResult {
  if (text.length === 0) return { suggestions: [], speaker };
  const c = compiledOf(context);
  const f = fold(text);
  const t = f.text;
  if (t.trim().length === 0) return { suggestions: [], speaker };
  const lt = lowerSameLength(t);
  const sentences = splitSentences(t);
  const found: Array<{ kind: SuggestionKind; f: Finding }> = [];
  const add = (kind: SuggestionKind, list: Finding[]) => list.forEach((x) => x.end > x.start && found.push({ kind, f: x }));

  const emails = findEmails(t);
  const phones = findPhones(t);
  add('contact', emails.map((s) => ({ ...s, reason: 'An e-mail address.' })));
  add('contact', phones.map((s) => ({ ...s, reason: 'A phone number.' })));
  if (c.people) {
    const people: Finding[] = [];
    for (const m of wordMatches(lt, c.people)) {
      const key = phraseKey(m[0].replace(/^(?:mr|mrs|ms|miss|dr|prof|mme|mlle|herr|frau)\.?\s+/iu, ''));
      const name = c.peopleNames.get(phraseKey(m[0])) ?? c.peopleNames.get(key) ?? t.slice(m.index, m.index + m[0].length);
      people.push({ start: m.index, end: m.index + m[0].length, reason: `Name of a representative (${name}).` });
    }
    add('person', people);
  }
  add('sensitive_term', perSentence(t, lt, sentences, c.terms, (l) => `Mentions ${quoted(l)} (on the sensitive-terms list).`));
  // The paragraph rules: speaker model, statements, confidentiality wording, people not on the roster.
  const starts = new Set(sentences.map((x) => x.start));
  const strong = findTriggers(t, lt, (pos) => starts.has(pos), c.referenceMonth, [...emails, ...phones]).filter((x) => x.strong || x.kind === 'date');
  // Statements are clauses: a sentence cut at ";" holds several ("Google welcomed the draft; Microsoft said …").
  const clauses = sentences.flatMap((x) => splitClauses(t, x));
  const para = analyseParagraph(t, lt, clauses, analyse(t), c, strong, speaker);
  for (const x of para.findings) {
    if (x.kind === 'person' && found.some((y) => y.kind === 'person' && y.f.start < x.end && x.start < y.f.end)) continue;
    add(x.kind, [x]);
  }

  // To original offsets; drop individually dismissed findings.
  const mapped: Suggestion[] = [];
  for (const { kind, f: x } of found) {
    const o = toOriginal(f, x.start, x.end);
    const s: Suggestion = { start: o.start, end: o.end, kind, kinds: [kind], reason: x.reason, text: text.slice(o.start, o.end), flagReason: FLAG_REASON_OF_KIND[kind] };
    if (c.dismissed.size === 0 || !c.dismissed.has(dismissalKey(s.text))) mapped.push(s);
  }
  const merged = merge(mapped, text);
  return { suggestions: c.dismissed.size === 0 ? merged : merged.filter((s) => !c.dismissed.has(dismissalKey(s.text))), speaker: para.speaker };
}

/** Sorts and merges overlapping suggestions (see the file comment). */
export function merge(list: Suggestion[], text: string): Suggestion[] {
  const sorted = [...list].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Suggestion[] = [];
  const reasons: Array<Set<string>> = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      for (const k of s.kinds) if (!last.kinds.includes(k)) last.kinds.push(k);
      reasons[reasons.length - 1]!.add(s.reason);
    } else {
      out.push({ ...s, kinds: [...s.kinds] });
      reasons.push(new Set([s.reason]));
    }
  }
  out.forEach((s, i) => {
    s.kinds.sort((a, b) => RANK.get(a)! - RANK.get(b)!);
    s.kind = s.kinds[0]!;
    s.flagReason = s.kinds.includes('org_near_figure') || s.kinds.includes('confidentiality_phrase') ? 'commercially_confidential' : FLAG_REASON_OF_KIND[s.kind];
    s.reason = [...reasons[i]!].join(' ');
    s.text = text.slice(s.start, s.end);
  });
  return out;
}
