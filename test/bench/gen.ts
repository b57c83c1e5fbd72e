import type { SerializedDoc, SerializedNode } from '../../shared/editor/doc-model';

/**
 * Deterministic generators of minutes-like text and of stored section documents for the benchmark. A fixed seed
 * makes every run measure the same content, so runs can be compared.
 */

/** mulberry32: small, fast, good enough to pick words. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the chair signatories taskforce code of practice general-purpose model provider transparency copyright safety security ' +
  'systemic risk evaluation documentation template downstream providers commitments measures reporting incident ' +
  'serious governance office commission draft working group plenary meeting agenda item members representatives ' +
  'noted that further discussion would be needed on the proposed approach and timeline for implementation ' +
  'several participants asked whether guidance could clarify how the measures apply to smaller providers ' +
  'the secretariat will circulate a revised version before the next meeting with comments received in writing ' +
  'one member stressed the importance of consistent terminology across chapters and annexes ' +
  'another representative welcomed the progress and suggested a short consultation with civil society ' +
  'data training compute thresholds capabilities red teaming mitigation lifecycle monitoring assessment ' +
  'obligations article regulation annex guidelines questions answers clarification publication summary ' +
  'industry academia experts observers independent scientific panel coordination national authorities'
).split(/\s+/);

export function sentence(rand: () => number, minWords = 8, maxWords = 22): string {
  const n = minWords + Math.floor(rand() * (maxWords - minWords + 1));
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(WORDS[Math.floor(rand() * WORDS.length)]!);
  const s = words.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

export function paragraphText(rand: () => number, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(sentence(rand));
  return out.join(' ');
}

export function text(t: string, format = 0): SerializedNode {
  return { type: 'text', version: 1, text: t, format, style: '', mode: 'normal', detail: 0 };
}

function block(type: string, children: SerializedNode[], extra: Record<string, unknown> = {}): SerializedNode {
  return { type, version: 1, direction: 'ltr', format: '', indent: 0, ...extra, children };
}

export function paragraph(children: SerializedNode[]): SerializedNode {
  return block('paragraph', children, { textFormat: 0, textStyle: '' });
}

export function flag(ids: string[], children: SerializedNode[]): SerializedNode {
  return block('flag', children, { ids });
}

export function docOf(children: SerializedNode[]): SerializedDoc {
  return { root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children } };
}

/** `count` paragraphs of one or two sentences each (about 20–40 words): the shape of live minutes. */
export function paragraphsDoc(count: number, seed = 1): { doc: SerializedDoc; texts: string[] } {
  const rand = prng(seed);
  const texts: string[] = [];
  for (let i = 0; i < count; i++) texts.push(paragraphText(rand, 1 + Math.floor(rand() * 2)));
  return { doc: docOf(texts.map((t) => paragraph([text(t)]))), texts };
}

/** A document whose JSON serialisation is about `bytes` long. */
export function docOfSize(bytes: number, seed = 2): SerializedDoc {
  const rand = prng(seed);
  const children: SerializedNode[] = [];
  let size = 80;
  while (size < bytes) {
    const p = paragraph([text(paragraphText(rand, 2))]);
    size += JSON.stringify(p).length + 1;
    children.push(p);
  }
  return docOf(children);
}
