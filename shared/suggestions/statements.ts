/**
 * The paragraph rules, over the NLP analysis (nlp.ts) and the speaker model (speaker.ts):
 *  - a member's commercial statement: a sentence whose speaker (named in it or carried from before) is a member, that
 *    speaks of a deal, money, a corporate move, or a product plan / market figure with a time, a quantity or a plan,
 *    and is not the law or public facts being recalled. The finding covers the whole sentence.
 *  - the confidentiality wording of minutes (confidentiality.ts).
 *  - people not on the roster, and addresses spelled out (persons.ts).
 */
import type { CompiledContext } from './compile';
import { METHOD_VERBS, OPINION_VERBS, PROCEDURAL } from './concepts';
import { CORPORATE, DEAL, DELAY, FUTURE, LAW_OR_PUBLIC, MARKET, MONEY, PRODUCT, QUANTITY_WORDS, QUESTION_VERBS, REPORTING, WH_WORDS } from './concepts';
import { findConfidentialityRequests } from './confidentiality';
import type { Analysis, Token } from './nlp';
import { anyMatch, matchIn, type Pattern } from './patterns';
import { findUnknownPeople } from './persons';
import type { Span } from './sentences';
import { findActors, speakerOfSentence, type Actor, type Speaker } from './speaker';
import type { Trigger } from './triggers';

export interface StatementFinding extends Span {
  kind: 'org_near_figure' | 'confidentiality_phrase' | 'person' | 'contact';
  reason: string;
}

export interface ParagraphResult {
  findings: StatementFinding[];
  /** The speaker at the end of the text (to carry into the next block of the section). */
  speaker: Speaker | null;
}

const QUANTITY_ENTITIES = new Set(['CARDINAL', 'MONEY', 'PERCENT', 'DURATION', 'DATE']);
const PAST_DATE = /\b(?:last|previous|past|ago|earlier|since)\b|\b(?:19|20)\d{2}\b/;

function tokenRange(tokens: readonly Token[], s: Span): [number, number] {
  let a = 0;
  while (a < tokens.length && tokens[a]!.end <= s.start) a++;
  let b = a;
  while (b < tokens.length && tokens[b]!.start < s.end) b++;
  return [a, b];
}

/** Tokens of the sentence that are not inside an actor's name (so "AI Office" is not an "office"). */
function withoutActors(tokens: readonly Token[], from: number, to: number, actors: readonly Actor[]): Token[] {
  const out: Token[] = [];
  let ai = 0;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    while (ai < actors.length && actors[ai]!.end <= t.start) ai++;
    if (ai < actors.length && actors[ai]!.start < t.end) continue;
    out.push(t);
  }
  return out;
}

function findsActorAt(actors: readonly Actor[], t: Token): boolean {
  return actors.some((x) => x.start <= t.start && t.end <= x.end);
}

function label(p: Pattern | null, toks: readonly Token[]): string {
  if (!p) return '';
  const m = matchIn(p, toks, 0, toks.length);
  return m ? toks.slice(m.first, m.last + 1).map((t) => t.text).join(' ') : p.source;
}

const FIGURE_KINDS = new Set(['amount', 'percent', 'date', 'figure']);
const CLAUSE_OPENERS = new Set(['that', 'it', 'its', 'they', 'their', 'he', 'she', 'company', 'firm', 'which', 'who']);
/** "X reported on its cloud business.": one verb, no figure, no clause — a topic, not yet a statement. */
function isTopicIntro(toks: readonly Token[]): boolean {
  const DETS = new Set(['its', 'their', 'the', 'a', 'an', 'his', 'her', 'our']);
  const verbs = toks.filter((t, k) => (t.pos === 'VERB' || t.pos === 'AUX') && !/^[A-Z]/.test(t.text) && !(k > 0 && DETS.has(toks[k - 1]!.lower)));
  if (verbs.length !== 1 || !REPORTING.has(verbs[0]!.lemma)) return false;
  return !toks.some((t) => t.lower === 'that' || t.lower === 'will' || t.lower === 'would');
}

export function analyseParagraph(
  text: string,
  lower: string,
  sentences: readonly Span[],
  a: Analysis,
  c: CompiledContext,
  strongTriggers: readonly Trigger[],
  initial: Speaker | null = null,
): ParagraphResult {
  const findings: StatementFinding[] = [];
  const actors = findActors(text, lower, c);
  let speaker: Speaker | null = initial;
  let ai = 0;
  let ti = 0;
  for (const s of sentences) {
    const [from, to] = tokenRange(a.tokens, s);
    while (ai < actors.length && actors[ai]!.start < s.start) ai++;
    const inSentence: Actor[] = [];
    for (let k = ai; k < actors.length && actors[k]!.start < s.end; k++) inSentence.push(actors[k]!);
    const set = speakerOfSentence(a.tokens, from, to, inSentence);
    if (set !== undefined) speaker = set;

    // Confidentiality requests: whoever speaks.
    const conf = findConfidentialityRequests(a.tokens, from, to, speaker);
    if (conf) findings.push({ start: s.start, end: s.end, kind: 'confidentiality_phrase', reason: conf });

    while (ti < strongTriggers.length && strongTriggers[ti]!.start < s.start) ti++;
    const figures: Trigger[] = [];
    for (let k = ti; k < strongTriggers.length && strongTriggers[k]!.start < s.end; k++) {
      if (FIGURE_KINDS.has(strongTriggers[k]!.kind)) figures.push(strongTriggers[k]!);
    }

    // "Please write to …", "Send comments by …": an instruction, not a statement by the speaker.
    const opener = a.tokens.slice(from, to).find((t) => t.pos !== 'PUNCT');
    const imperative =
      set === undefined &&
      opener !== undefined &&
      (opener.lower === 'please' || (opener.pos === 'VERB' && opener.lemma === opener.lower && /^[A-Z]/.test(opener.text) && !findsActorAt(inSentence, opener)));
    if (speaker && speaker.role === 'member' && !imperative) {
      const toks = withoutActors(a.tokens, from, to, inSentence);
      const n = toks.length;
      const deal = anyMatch(DEAL, toks, 0, n);
      const money = anyMatch(MONEY, toks, 0, n);
      const corp = anyMatch(CORPORATE, toks, 0, n);
      const product = anyMatch(PRODUCT, toks, 0, n);
      const market = anyMatch(MARKET, toks, 0, n);
      const future = anyMatch(FUTURE, toks, 0, n);
      const delay = anyMatch(DELAY, toks, 0, n);
      const lawOrPublic = anyMatch(LAW_OR_PUBLIC, toks, 0, n);
      const quantityWord = anyMatch(QUANTITY_WORDS, toks, 0, n);
      // Numbers in words come from the model; digits were classified by the trigger scan (references, versions,
      // thresholds and past dates are not figures there), so a digits-only entity does not count twice.
      const entity = a.entities.find(
        (e) =>
          e.start >= s.start &&
          e.end <= s.end &&
          QUANTITY_ENTITIES.has(e.type) &&
          !/\d/.test(e.text) &&
          !(e.type === 'DATE' && PAST_DATE.test(e.text.toLowerCase())),
      );
      const quantity = quantityWord ?? null;
      const hasQuantity = Boolean(quantity || entity || figures.length > 0);
      const business = deal ?? money ?? corp;
      // An institution in the sentence (the AI Office "would assess…") owns the plans and figures unless a deal or
      // money is spoken of; a question ("wondered whether…") states nothing.
      let institutionHere = false;
      for (let k = from, ii = 0; k < to && !institutionHere; k++) {
        const t = a.tokens[k]!;
        while (ii < inSentence.length && inSentence[ii]!.end <= t.start) {
          // The token right after an institution's name: a verb makes the institution the clause's subject.
          const x = inSentence[ii]!;
          if (x.role === 'institution' && (t.pos === 'VERB' || t.pos === 'AUX')) institutionHere = true;
          ii++;
        }
      }
      const question = toks.some((t, k) => QUESTION_VERBS.has(t.lemma) && toks.slice(k + 1, k + 3).some((u) => WH_WORDS.has(u.lower)));
      let why = '';
      if (question || (!hasQuantity && isTopicIntro(toks))) why = '';
      else if (institutionHere && !business) why = '';
      else if (business && !(lawOrPublic && !deal && !money)) why = `“${label(business, toks)}”`;
      else if (lawOrPublic) why = '';
      else if (product && delay && product !== delay) why = `a delay (“${label(delay, toks)}”)`;
      else if (product && (future || hasQuantity)) why = `a product plan (“${label(product, toks)}”)`;
      else if (market && hasQuantity) why = `a market figure (“${label(market, toks)}”)`;
      else if (figures.length > 0 && (product || market)) why = `a figure (“${figures[0]!.text}”)`;
      else if (figures.some((f) => f.kind !== 'date') && !toks.some((t) => PROCEDURAL.has(t.lower) || PROCEDURAL.has(t.lemma))) {
        why = `a figure (“${figures.find((f) => f.kind !== 'date')!.text}”)`;
      }
      // Fallback, fail-closed: a member's statement about itself (a clause with its own verb after the reporting
      // verb, or a sentence going on about the speaker) that is not about the Taskforce's procedure, not an opinion,
      // not the law or public facts, and not a question: its news, which may be commercial.
      if (!why && !question && !lawOrPublic && !institutionHere && !isTopicIntro(toks)) {
        const verbs = toks.filter((t) => t.pos === 'VERB' || (t.pos === 'AUX' && t.lemma !== 'be' && t.lemma !== 'have' && t.lemma !== 'do'));
        const procedural = toks.some((t) => PROCEDURAL.has(t.lower) || PROCEDURAL.has(t.lemma));
        const opinion = verbs.some((t) => OPINION_VERBS.has(t.lemma));
        // A verb of its own clause: after "that", a pronoun or "the company", or in a sentence that goes on about the
        // speaker ("It had secured…"); not a noun the tagger took for a verb ("Google discussed compute").
        const carried = set === undefined;
        const content = verbs.filter((t) => {
          if ((REPORTING.has(t.lemma) && t.lemma !== 'expect' && t.lemma !== 'plan' && t.lemma !== 'intend') || METHOD_VERBS.has(t.lemma)) return false;
          if (carried) return true;
          const k = toks.indexOf(t);
          return toks.slice(0, k).some((u) => CLAUSE_OPENERS.has(u.lower));
        });
        const how = toks.some((t, k) => REPORTING.has(t.lemma) && (toks[k + 1]?.lower === 'how' || toks[k + 1]?.lower === 'on' || toks[k + 1]?.lower === 'about'));
        if (!procedural && !opinion && !how && content.length > 0) why = `its own news (“${content.map((t) => t.text).join(' ')}”)`;
      }
      if (why) {
        const what = entity ? ` with “${entity.text}”` : figures.length ? ` with “${figures[0]!.text}”` : '';
        findings.push({
          start: s.start,
          end: s.end,
          kind: 'org_near_figure',
          reason: `${speaker.name} speaking of ${why}${what}: may be commercially confidential.`,
        });
      }
    }
  }
  findings.push(...findUnknownPeople(text, a, c, actors));
  return { findings, speaker };
}
