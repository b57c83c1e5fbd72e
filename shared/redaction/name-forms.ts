/**
 * Other forms of a flagged person's name, as lists of participants and agendas print it (an audit, 2026-12-05): an
 * expert flagged in the minutes as "Dr Imogen Castellanos-Whitby" is recorded in the attendance as "Imogen
 * Castellanos-Whitby", or, by the EU's convention for lists of participants, "CASTELLANOS-WHITBY Imogen". A reader
 * reads the same person; the check, which looks for the passage as flagged, did not. The matcher (match-text.ts
 * `spellings`) also searches the forms given here, on the flagged side only.
 *
 * Only a passage that is a name and nothing else is read: two to six words, each capitalised (or with a lower-case
 * prefix joined by a hyphen or apostrophe: "al-Hassan"), or a particle ("van", "Von der", "de", "del", "y") inside,
 * optionally after honorifics ("Prof. Dr.", "Ms", "Dott.ssa" …). Its forms: without the honorifics, and every rotation
 * of its words, which is each order a list sorts names in: the surname first, however many words it has ("GARCÍA LÓPEZ
 * María", "VAN DEN BOSSCHE Jan"), or its particles last ("Berg, Anna van der"). With an honorific, a name followed by
 * its affiliation ("Dr Jane Roe of Acme", "…, Acme", "… – Acme", "… (Acme)") gives the name's forms too: it names a
 * person, and so do honorifics with a surname alone, with or without an affiliation ("Mr Smith (Acme)": "Mr Smith";
 * "Dr Ing Aaa": "Ing Aaa" and "Dr Aaa" too; never "Smith" alone). Without an honorific only brackets are read ("Jane
 * Roe (Northfield)": minutes name speakers so): what they follow is what the passage names, a person or, fail-closed,
 * a company ("Acme Holdings (Delaware)" guards "Acme Holdings" too). "Of", a comma or a dash without an honorific are
 * not read, since "Acme Holdings of Delaware" would make "Acme Holdings" unpublishable everywhere. A form with
 * initials the flag does not hold ("Jane M. Roe") is found by match-text.ts NAME_INITIALS, which reads every form given
 * here as a name. Case does not matter (the text is folded after).
 */
/** As written before a name: capitalised, not in capitals ("MS Teams" is not "Ms"). */
export const HONORIFIC = /^(?:Dr|Drs|Prof|Professor|Mr|Mrs|Ms|Mx|Sir|Dame|Lord|Lady|Herr|Frau|Mme|Mlle|Madame|Monsieur|Dott|Dottssa|Dott\.ssa|Ing|Mag|Ir|Avv)\.?$/;
export const PARTICLE = /^(?:van|von|de|der|den|del|della|di|da|dos|das|du|la|le|ter|ten|af|zu|al|el|bin|ibn|y)$/i;
/** A capitalised word, or one with a lower-case prefix joined by a hyphen or apostrophe ("al-Hassan", "d'Alembert"). */
const NAME_WORD = /^(?:\p{Lu}|\p{Ll}{1,3}[-'\u2019]\p{L})[\p{L}\p{M}'\u2019-]*\.?$/u;
const AFFILIATION = /^(.+?)\s*(?:,\s*|\s+(?:of|from|at)\s+|\s+[-\u2013\u2014]\s+|\s*\((.+)\)\s*$)/u;
const MAX_WORDS = 6;

/** The name's words if `words` are a person's name (see above), else null. */
function asName(words: readonly string[]): string[] | null {
  if (words.length < 2 || words.length > MAX_WORDS) return null;
  if (!NAME_WORD.test(words[0]!) || !NAME_WORD.test(words[words.length - 1]!)) return null;
  return words.every((w) => NAME_WORD.test(w) || PARTICLE.test(w)) ? [...words] : null;
}

/**
 * "Jane Roe (Northfield)": what the brackets follow (group 1), what they hold (group 2), and nothing after them. Also
 * read by alias-forms.ts ("Northfield Analytics (NFA)").
 */
export const BRACKETED = /^(.+?)\s*\(([^()]+)\)$/u;

interface ParsedName {
  /** The honorifics in front, as written ("Prof.", "Dr."). */
  honorifics: string[];
  /** The name's words: two or more; one (a surname) only after an honorific and before an affiliation ("Mr Smith (Acme)"). */
  name: string[];
}

/** The name in `text` without honorifics in front or an affiliation after it, if `text` is a person's name; else null. */
function parseName(text: string): ParsedName | null {
  let words = text.trim().replace(/[.,;:]+$/u, '').split(/\s+/u);
  const honorifics: string[] = [];
  // "Prof. Dr. Jane Roe": every honorific in front, never the last word ("Dr Herr Frau" names "Frau").
  while (words.length > 1 && HONORIFIC.test(words[0]!)) {
    honorifics.push(words[0]!);
    words = words.slice(1);
  }
  const name = asName(words);
  if (name) return { honorifics, name };
  // "Mr Smith", "Dr Ing Aaa": honorifics and a surname alone name a person.
  if (honorifics.length > 0 && words.length === 1 && NAME_WORD.test(words[0]!)) return { honorifics, name: words };
  // After an honorific: "Dr Jane Roe of Acme", "Dr Jane Roe, Acme", "Dr Jane Roe – Acme", "Dr Jane Roe (Acme)". Without
  // one, only brackets: what they follow is what the passage names ("Jane Roe (Northfield)"); "of", a comma or a dash
  // may be inside an organisation's name or a sentence ("Acme Holdings of Delaware").
  const m = (honorifics.length > 0 ? AFFILIATION : BRACKETED).exec(words.join(' '));
  if (!m) return null;
  const head = m[1]!.split(/\s+/u);
  const before = asName(head) ?? (honorifics.length > 0 && head.length === 1 && NAME_WORD.test(head[0]!) ? head : null);
  return before ? { honorifics, name: before } : null;
}

/** The other forms of `text` if it is a person's name (with or without honorifics), else none. */
export function nameForms(text: string): string[] {
  const parsed = parseName(text);
  if (!parsed) return [];
  const { honorifics, name } = parsed;
  // "Mr Smith (Northfield)": the honorifics and the surname as written, and with several ("Dr Ing Aaa") each alone before
  // it ("Ing Aaa": the same person by the flag's own titles); never the surname alone. The form as flagged is kept: it
  // marks the passage as a name, so an initial before the surname is found too ("Mr J. Smith").
  if (name.length === 1) {
    const titled = honorifics.length > 1 ? honorifics.map((h) => `${h} ${name[0]!}`) : [];
    return [...new Set([[...honorifics, name[0]!].join(' '), ...titled])];
  }
  // Every order a list sorts names in: the surname (one word or more, with its particles) first, the given names
  // after ("GARCÍA LÓPEZ María", "VAN DEN BOSSCHE Jan"), the particles last too ("Berg, Anna van der"): each rotation.
  const forms = new Set([name.join(' ')]);
  for (let i = 1; i < name.length; i++) forms.add([...name.slice(i), ...name.slice(0, i)].join(' '));
  forms.delete(text.trim());
  return [...forms];
}

/** Between the names of a list: a comma or a semicolon, "and" or "&" (before the last). */
const LIST_SEPARATOR = / ?[,;] ?(?:(?:and|&) )?| (?:and|&) /u;

/**
 * The names of `text` if it is a list of persons' names and nothing else ("Jane Roe, John Doe and Dr Ana Ruiz", "Mr
 * Smith; Ms Jones"): each name as written, to be searched alone and in its own forms. A flagged list of who attended
 * guards each of them: the list of participants prints each in a cell of its own. Each part must be a name as
 * `nameForms` reads one (or an honorific and a surname); a list of two parts only with a comma between is not read,
 * since "Jane Roe, Northfield Analytics" names a person and an organisation.
 */
export function listedNames(text: string): string[] {
  // Spaces made single first: a separator with runs of spaces around it took quadratic time on a flag of 50,000 spaces.
  const trimmed = text.trim().replace(/\s+/gu, ' ').replace(/[.;:]+$/u, '');
  const parts = trimmed.split(LIST_SEPARATOR);
  if (parts.length < 2) return [];
  if (parts.length === 2 && !/ (?:and|&) |;/u.test(trimmed)) return [];
  // A name, or an honorific and a surname ("Mr Smith"), as `parseName` reads them.
  return parts.every((part) => parseName(part) !== null) ? parts : [];
}

/** Titles a text puts before a surname alone ("Dr Roe", "Ms Roe"), as written (a full stop after one reads the same). */
const TITLES = ['Dr', 'Prof', 'Professor', 'Mr', 'Mrs', 'Ms', 'Mx', 'Herr', 'Frau', 'Mme', 'Madame', 'Monsieur', 'Dott'];
/** Initials that are also words of an English sentence: "A Price" is "a price" once read. */
const INITIAL_IS_A_WORD = /^[AaIi\u00C0-\u00C5\u00E0-\u00E5\u00CC-\u00CF\u00EC-\u00EF]$/u;
/** In capitals, as lists of participants print a surname ("ROE Jane"): two letters or more, none in lower case. */
const IN_CAPITALS = /^(?=(?:\P{Ll}*\p{Lu}){2})\P{Ll}+$/u;

/**
 * Shortened forms of `text` if it is a person's name (an audit, 2026-12-05): a flagged "Dr Jane Roe" recorded
 * "J. Roe", "ROE J." or "Ms Roe". For each word the surname may start at (as `nameForms`' rotations: "García López" or
 * "López"), the first given name's initial before and after the surname, and each title before it. Particles belong
 * to the surname and never become initials ("J. van der Berg"). A further initial ("J. M. Roe", "J.-P. Dubois") is
 * found by match-text.ts NAME_INITIALS, which reads these forms as names. Not made: an initial that is also a word
 * ("A", "I"): "A Price" would stop every text with "a price" in it. A flagged name written surname first in capitals
 * ("ROE Jane") is read in the usual order first.
 */
export function shortForms(text: string): string[] {
  let name = parseName(text)?.name;
  if (!name) return [];
  const capitals = name.filter((w) => IN_CAPITALS.test(w));
  if (capitals.length > 0 && capitals.length < name.length && IN_CAPITALS.test(name[0]!)) {
    name = [...name.filter((w) => !IN_CAPITALS.test(w)), ...capitals];
  }
  const forms = new Set<string>();
  for (let i = 1; i < name.length; i++) {
    const given = name.slice(0, i);
    if (given.some((w) => PARTICLE.test(w))) break; // a particle starts the surname: no later split either
    const surname = name.slice(i).join(' ');
    // "Mistral AI" is no "Jane Li": an acronym of two letters is no surname ("M. AI" would be found in "AI M&A").
    if (i === name.length - 1 && IN_CAPITALS.test(surname) && surname.length <= 2) continue;
    const initial = [...given[0]!.normalize('NFC')][0]!;
    if (/\p{L}/u.test(initial) && !INITIAL_IS_A_WORD.test(initial)) {
      forms.add(`${initial} ${surname}`);
      forms.add(`${surname} ${initial}`);
    }
    for (const title of TITLES) forms.add(`${title} ${surname}`);
  }
  forms.delete(text.trim());
  return [...forms];
}
