/**
 * The English NLP layer of the suggestion engine: winkNLP with its English "lite web" model (both MIT, pure
 * JavaScript, the model shipped as an npm package: nothing is downloaded at run time, and the same code runs in the
 * renderer and in Node). It gives, for the folded text of a block:
 *  - tokens with their offsets, lower-case form, lemma ("invested" → "invest", "slipped" → "slip") and part of speech
 *    (PROPN for names, VERB/AUX, PRON…), so that the rules are written over lemmas and structure, not inflected strings;
 *  - entities the model recognises: CARDINAL / ORDINAL numbers in digits or words ("forty million", "three"), MONEY
 *    ("twelve million euros"), PERCENT ("forty percent"), DATE ("by the autumn", "next year"), DURATION ("within a
 *    year"), TIME, EMAIL, URL.
 * Chosen over compromise (whose people()/organizations() and number plugins were tempting) because it is ~20× faster
 * per sentence on this machine (≈ 50–150 µs against 1.5–2 ms), which is what keeps suggestions off the typing path
 * at 10,000 paragraphs; names and organisations come from the meeting's roster plus PROPN runs (see persons.ts).
 *
 * Sentences stay with the project's own splitter (sentences.ts): the model's splitter cuts "jane.doe at example.org"
 * and "Art. 53" apart, which minutes are full of.
 *
 * The model is read once, on first use (≈ 0.3 s), not at import.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** The model's entity type: CARDINAL, ORDINAL, MONEY, PERCENT, DATE, DURATION, TIME, EMAIL, URL, or another it names. */
export type EntityType = string;

export interface Token {
  start: number;
  end: number;
  /** As written (folded text). */
  text: string;
  lower: string;
  lemma: string;
  /** Universal POS tag: NOUN, PROPN, VERB, AUX, PRON, NUM, ADP, DET, PUNCT, … */
  pos: string;
  /** The entity this token is part of, if any. */
  entity: EntityType | null;
}

export interface Entity {
  type: EntityType;
  /** Token indices, inclusive. */
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
}

export interface Analysis {
  tokens: Token[];
  entities: Entity[];
}

type Nlp = ReturnType<typeof winkNLP>;
let instance: Nlp | null = null;

function nlp(): Nlp {
  if (!instance) instance = winkNLP(model, ['pos', 'ner']);
  return instance;
}

/** Loads the model now (e.g. in idle time before the first run); later calls are free. */
export function warmUp(): void {
  nlp();
}

/** Tokens, lemmas, POS and entities of `text`, with offsets into `text`. */
export function analyse(text: string): Analysis {
  const n = nlp();
  const its = n.its;
  // The tokenizer slows down badly on very long runs without white space (50,000 × "a" takes seconds): such runs are
  // never words, so they are cut into pieces with spaces at the same offsets before reading (offsets stay valid).
  const safe = /\S{48}/.test(text) ? text.replace(/\S{48,}/g, (m) => m.replace(/(\S{31})\S/g, '$1 ')) : text;
  const doc = n.readDoc(safe);
  const values = doc.tokens().out(its.value);
  const lemmas = doc.tokens().out(its.lemma as never) as unknown as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const tokens: Token[] = [];
  const indexOf: number[] = []; // wink token index → our token index (or -1 when it could not be placed)
  let at = 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    const s = safe.indexOf(v, at);
    if (s < 0 || s - at > 64) {
      indexOf.push(-1);
      continue;
    }
    at = s + v.length;
    indexOf.push(tokens.length);
    tokens.push({ start: s, end: s + v.length, text: text.slice(s, s + v.length), lower: v.toLowerCase(), lemma: (lemmas[k] ?? v).toLowerCase(), pos: pos[k] ?? 'X', entity: null });
  }
  const entities: Entity[] = [];
  doc.entities().each((e: { out: (f: unknown) => unknown }) => {
    const span = e.out(its.span) as [number, number];
    const type = e.out(its.type) as string;
    const first = indexOf[span[0]] ?? -1;
    const last = indexOf[span[1]] ?? -1;
    if (first < 0 || last < first) return;
    for (let k = first; k <= last; k++) tokens[k]!.entity = type;
    const start = tokens[first]!.start;
    const end = tokens[last]!.end;
    entities.push({ type, first, last, start, end, text: text.slice(start, end) });
  });
  return { tokens, entities };
}
