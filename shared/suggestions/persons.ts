/**
 * Personal data the roster does not know: names of people who are not representatives (an alternate, a colleague,
 * a second name in a sentence) — proper-noun runs shaped like a person's name (winkNLP's PROPN, capitalised, with the
 * usual particles: "Pieter de Vries"), or a title before a capitalised word ("Dr Rossi") — and e-mail addresses spelled
 * out ("jan.novak at example.org", "sarah dot okafor at example dot org").
 *
 * Company names are shaped like people's names too ("Beta Robotics", "Gamma Vision Ltd"): a run that contains or is
 * followed by a company word — a legal form (Ltd, GmbH, SA, AG, Inc…, as written) or a capitalised head noun (AI,
 * Labs, Robotics, Systems, Technologies, Vision…) — is an organisation and not suggested; so are the roster's
 * organisations (actors). A title ("Dr", "Ms") always makes a person. A lone surname is a person when an affiliation
 * follows in brackets ("Novak (Beta Robotics)").
 */
import type { CompiledContext } from './compile';
import type { Analysis, Token } from './nlp';
import type { Actor } from './speaker';
import type { StatementFinding } from './statements';

const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'del', 'della', 'le', 'la', 'du', 'dos', 'das', 'ten', 'ter', 'zu', 'bin', 'al', 'y']);
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

/** Legal forms, matched as written (a trailing "." ignored): "Gamma Vision Ltd", "Nova Robotics AG", "Orion Inc.". */
const LEGAL_FORMS = new Set(
  (
    'Ltd Limited GmbH gGmbH AG SA S.A SAS S.A.S SARL SpA S.p.A Srl S.r.l BV B.V NV N.V Inc Incorporated Corp Corporation LLC L.L.C ' +
    'LLP LP PLC plc Oy Oyj AB ASA A/S ApS SE KG KGaA UG SL S.L SLU Sp.z.o.o'
  ).split(' '),
);
/** Head nouns of company names, capitalised: "Beta Robotics", "Black Forest Labs", "Acme AI". Never a surname. */
const ORG_HEADS = new Set(
  (
    'ai labs lab robotics systems technologies technology tech vision dynamics analytics software solutions networks ' +
    'intelligence computing semiconductors data digital media industries ventures capital partners consulting group ' +
    'holdings holding cloud research foundation institute association bank corporation company'
  ).split(' '),
);

/** A token that makes the capitalised run it ends or belongs to a company's name. */
function isOrgWord(t: Token): boolean {
  if (LEGAL_FORMS.has(t.text.replace(/\.$/, ''))) return true;
  return /^[A-Z]/.test(t.text) && ORG_HEADS.has(t.lower);
}

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
  /** An organisation of the roster (member or institution) covers the token. */
  const inOrgActor = (t: Token) => actors.some((x) => x.role !== 'person' && x.start < t.end && t.start < x.end);
  /** "Jean-Pierre", "García-López": capitalised words joined by a hyphen without spaces; the index after, or k. */
  const hyphenated = (k: number): number => {
    let j = k;
    while (tokens[j + 1]?.text === '-' && tokens[j + 1]!.start === tokens[j]!.end && tokens[j + 2] && tokens[j + 2]!.start === tokens[j + 1]!.end && isCapitalised(tokens[j + 2]!)) j += 2;
    return j + 1;
  };
  /** "(Beta Robotics)", "(Google)" of the roster: an affiliation in brackets opening at token k. */
  const affiliationAt = (k: number): boolean => {
    if (tokens[k]?.text !== '(') return false;
    let org = false;
    for (let j = k + 1; j < tokens.length && j <= k + 8; j++) {
      const x = tokens[j]!;
      if (x.text === ')') return org && j > k + 1;
      if (!/^[A-Z0-9&.-]/.test(x.text)) return false;
      if (isOrgWord(x) || inOrgActor(x)) org = true;
    }
    return false;
  };
  /** "Anna Novak AI policy lead": "AI" after a name and before a common noun is the person's job, not a company. */
  const describesJob = (k: number): boolean => {
    const next = tokens[k + 1];
    return tokens[k]!.text === 'AI' && next !== undefined && /^[a-z]/.test(next.text) && (next.pos === 'NOUN' || next.pos === 'ADJ');
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
        k = hyphenated(k);
        continue;
      }
      // Particles, one or more: "Pieter de Vries", "Pieter van der Berg".
      let p = k;
      while (p < k + 3 && tokens[p] && PARTICLES.has(tokens[p]!.lower)) p++;
      if (names > 0 && p > k && tokens[p] && isCapitalised(tokens[p]!)) {
        k = p;
        continue;
      }
      break;
    }
    // A company word ending the run or right after it ("Beta Robotics", "Gamma Vision Ltd", "Black Forest Labs"): an
    // organisation, skipped with its trailing company words. (Not a leading one: "Research Director Anna Novak".)
    if (!titled && names > 0 && (isOrgWord(tokens[k - 1]!) || (tokens[k] && isOrgWord(tokens[k]!) && !inActor(tokens[k]!) && !describesJob(k)))) {
      while (k < tokens.length && (isOrgWord(tokens[k]!) || (tokens[k]!.text === '.' && tokens[k]!.start === tokens[k - 1]!.end)) && !inActor(tokens[k]!)) k++;
      i = k - 1;
      continue;
    }
    // A lone surname with its affiliation in brackets: "Novak (Beta Robotics) noted …".
    const affiliated = !titled && names === 1 && tokens[first]!.pos === 'PROPN' && affiliationAt(k);
    if ((titled && names >= 1) || names >= 2 || affiliated) {
      const start = tokens[titled ? i : first]!.start;
      const end = tokens[k - 1]!.end;
      const name = text.slice(start, end);
      out.push({ start, end, kind: 'person', reason: `Name of a person not on the list of representatives (${name}).` });
      i = k - 1;
    } else if (names > 0) i = k - 1;
  }
  return out;
}
