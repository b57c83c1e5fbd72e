/**
 * Personal data the roster does not know: names of people who are not representatives (an alternate, a colleague,
 * a second name in a sentence) — proper-noun runs shaped like a person's name (winkNLP's PROPN, capitalised, with the
 * usual particles: "Pieter de Vries"), or a title before a capitalised word ("Dr Rossi") — and e-mail addresses spelled
 * out ("jan.novak at example.org", "sarah dot okafor at example dot org").
 */
import type { CompiledContext } from './compile';
import type { Analysis, Token } from './nlp';
import type { Actor } from './speaker';
import type { StatementFinding } from './statements';

const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'del', 'della', 'le', 'la', 'du', 'dos', 'das', 'ten', 'ter', 'zu', 'bin', 'al']);
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'mme', 'mlle', 'herr', 'frau', 'sir', 'dame']);
/** Capitalised words that are not (parts of) people's names in minutes. */
const NOT_NAME = new Set(
  (
    'january february march april may june july august september october november december monday tuesday wednesday thursday friday ' +
    'saturday sunday european europe union eu commission office board council parliament member members state states chair taskforce ' +
    'signatory code practice act article chapter annex section item agenda minutes safety security transparency copyright model models ' +
    'forum group institute university agency ministry services service labs lab bank foundation association centre center committee panel ' +
    'network partnership alliance cloud web systems technologies research inc ltd gmbh ag sa plc llc corp company north south east west ' +
    'new united kingdom republic federal national general frontier open source the a an and of for in on at by with ' +
    'gemini claude llama gpt copilot azure aws search assistant studio platform api pro ultra mini nano flash opus sonnet haiku ' +
    'german french italian spanish dutch polish nordic belgian swedish danish finnish irish austrian portuguese greek czech ' +
    'scandinavian american chinese british english paris berlin brussels munich dublin milan frankfurt madrid rome vienna ' +
    'chatham house rule rules then also it its they he she his her this these that we our you mistral aleph alpha openai anthropic google microsoft meta amazon cohere'
  ).split(' '),
);

const SPELLED_EMAIL =
  /\b[a-z][a-z0-9_-]*(?:(?:\.|\s+dot\s+)[a-z0-9_-]+)*\s+(?:at|\[at\]|\(at\))\s+[a-z0-9-]+(?:(?:\.|\s+dot\s+)[a-z0-9-]+)*(?:\.|\s+dot\s+)(?:org|com|eu|net|de|fr|it|es|nl|be|pl|io|ai|co|uk|int|gov|edu)\b/g;

function isCapitalised(t: Token): boolean {
  return /^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$/.test(t.text) && !NOT_NAME.has(t.lower);
}

export function findUnknownPeople(text: string, a: Analysis, _c: CompiledContext, actors: readonly Actor[]): StatementFinding[] {
  const out: StatementFinding[] = [];
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(SPELLED_EMAIL)) {
    if (m[0].includes('@')) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'contact', reason: 'An e-mail address, spelled out.' });
  }
  const tokens = a.tokens;
  let ai = 0; // tokens and actors are both sorted: one pointer
  const inActor = (t: Token) => {
    while (ai < actors.length && actors[ai]!.end <= t.start) ai++;
    return ai < actors.length && actors[ai]!.start < t.end;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const titled = TITLES.has(t.lower.replace(/\.$/, '')) && /^[A-Z]/.test(t.text);
    let k = titled ? i + 1 : i;
    if (titled && tokens[k]?.text === '.') k++;
    const first = k;
    let names = 0;
    while (k < tokens.length) {
      const x = tokens[k]!;
      if (inActor(x)) break;
      if (isCapitalised(x) && (x.pos === 'PROPN' || titled || names > 0)) {
        names++;
        k++;
        continue;
      }
      if (names > 0 && PARTICLES.has(x.lower) && tokens[k + 1] && isCapitalised(tokens[k + 1]!)) {
        k++;
        continue;
      }
      break;
    }
    if ((titled && names >= 1) || names >= 2) {
      const start = tokens[titled ? i : first]!.start;
      const end = tokens[k - 1]!.end;
      const name = text.slice(start, end);
      out.push({ start, end, kind: 'person', reason: `Name of a person not on the list of representatives (${name}).` });
      i = k - 1;
    } else if (names > 0) i = k - 1;
  }
  return out;
}
