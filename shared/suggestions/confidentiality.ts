/**
 * The confidentiality wording of minutes, as patterns over lemmas and sentence structure (patterns.ts) rather than
 * fixed strings: a participant asking that something not be minuted / quoted / attributed / published / shared, or
 * be left out of the record, or stay among the members; "in confidence", "off the record", embargoes, NDAs.
 * Someone explaining a procedure ("the AI Office explained how it treats confidential information") is not asking for
 * anything: for an institution or the group, only an explicit request counts.
 */
import { pattern } from './patterns';
import { anyMatch, matchIn } from './patterns';
import type { Token } from './nlp';
import type { Speaker } from './speaker';

const DISCLOSE =
  'minute|minuted|quote|quoted|attribute|attributed|publish|published|share|shared|circulate|circulated|disclose|disclosed|record|recorded|mention|mentioned|cite|cited|name|named|repeat|repeated|report|reported|include|included|reveal|revealed|release|released|distribute|distributed|forward|forwarded|reproduce|reproduced|leave|appear|identify|identified|public|pass|passed|given|give|told|tell';
const NEG = "not|n't|never";
const REQUEST = 'ask|request|prefer|insist|wish|urge|want|call|stress|underline|emphasise|emphasize|point|requested|asked';
const GROUP = 'members|member|participants|room|us|taskforce|group|table|signatories';

/** Patterns that are a request whoever says them. */
const REQUESTS = [
  pattern(`${REQUEST} … ${NEG} … ${DISCLOSE}`, 8),
  pattern(`${REQUEST} … leave|left|keep|kept|omit|omitted|remove|removed|exclude|excluded|strike|struck|redact|redacted|delete|deleted|drop|dropped … out|from`, 10),
  pattern(`${REQUEST} … keep|kept … to|secret|private … themselves|ourselves|yourselves|itself`, 8),
  pattern(`${REQUEST} … confidential|confidentially|confidence|anonymous|anonymously|anonymised`, 8),
  pattern('remain|stay|kept|keep … confidential|confidentially|confidence', 3),
  pattern(`${REQUEST} … stay|remain|kept|keep|confined|restricted|limited … among|between|within|to … ${GROUP}`, 8),
];

/** Patterns that mark a statement as confidential when a member (or an unknown speaker) says them. */
const MARKS = [
  pattern(`${NEG} … ${DISCLOSE}`, 3),
  pattern('leave|left|keep|kept … out … record|minutes|summary|report|publication', 4),
  pattern(`stay|remain|kept|keep|confined|restricted … among|between|within … ${GROUP}`, 4),
  pattern('in … confidence', 2),
  pattern('confidential|confidentially'),
  pattern('off the record'),
  pattern('chatham house'),
  pattern('embargo|embargoed|embargoes'),
  pattern('under … nda|ndas|non-disclosure', 2),
  pattern('non-disclosure agreement'),
  pattern('not for publication|attribution|quotation|distribution'),
  pattern('not yet … public|announced|disclosed', 2),
  pattern('until … announce|announced|public|published', 4),
  pattern('trade|business secret|secrets'),
  pattern('proprietary'),
  pattern('need to know'),
  pattern('internal … only|use', 2),
  pattern('eyes only'),
  pattern('between us'),
  pattern('commercially|competitively|market|price|business sensitive'),
  pattern('sensitive information|data|figures|numbers'),
  pattern('restricted|limited distribution|circulation'),
  pattern('privileged'),
  pattern('non-public|nonpublic'),
];

export function findConfidentialityRequests(tokens: readonly Token[], from: number, to: number, speaker: Speaker | null): string | null {
  for (const p of REQUESTS) {
    const m = matchIn(p, tokens, from, to);
    if (m) return `A request to keep this out of the published record (“${span(tokens, m.first, m.last)}”).`;
  }
  if (speaker && speaker.role !== 'member') return null;
  const p = anyMatch(MARKS, tokens, from, to);
  if (!p) return null;
  const m = matchIn(p, tokens, from, to)!;
  return `Said to be confidential (“${span(tokens, m.first, m.last)}”).`;
}

function span(tokens: readonly Token[], a: number, b: number): string {
  return tokens
    .slice(a, b + 1)
    .map((t) => t.text)
    .join(' ')
    .replace(/ ([,.;:])/g, '$1');
}
