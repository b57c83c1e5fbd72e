/**
 * Other forms of a flagged company or project (an audit, 2026-12-05): a company flagged with its legal form went out
 * without it ("Northfield Analytics Ltd" printed "Northfield Analytics", "Zephyr Labs, Inc." printed "Zephyr Labs"),
 * and a project flagged by its code name went out as the name alone ("Project Nightingale" printed "Nightingale").
 * The matcher (match-text.ts `spellings`) searches a flagged passage in the forms given here too, on the flagged side
 * only.
 *
 * Read on the text as flagged (before folding), as companies write their legal form: "AG", "SA", "SE" in capitals
 * only, after a capitalised word, so "Members discussed GmbH law" gives nothing and "the agenda sa" is not read.
 * - Legal form: each one after a company's name is dropped, with its comma ("Zephyr Labs, Inc."), one form at a time
 *   ("Acme GmbH & Co. KG" gives "Acme").
 * - Code name: a passage that is only "Project", "Operation", "Programme", "Initiative" or "codename" and a name of one
 *   or two capitalised words (optionally quoted, optionally after "the") also gives the name. Only such a passage: in
 *   a sentence, "Project Manager" is no code name.
 * What is left must still be searched by the matcher's rules (at least four characters, or a short acronym): "Gamma
 * AG" gives "Gamma", "Xy Ltd" gives nothing searched.
 */

const LEGAL_FORMS = [
  'GmbH & Co\\. KG',
  'GmbH & Co KG',
  'GmbH',
  'gGmbH',
  'AG',
  'KG',
  'SE',
  'Ltd\\.?',
  'Limited',
  'LLC',
  'L\\.L\\.C\\.',
  'LLP',
  'LP',
  'PBC',
  'Inc\\.?',
  'Incorporated',
  'Corp\\.?',
  'Corporation',
  'plc',
  'PLC',
  'S\\.p\\.A\\.?',
  'SpA',
  'S\\.r\\.l\\.?',
  'Srl',
  'S\\.A\\.S\\.?',
  'SAS',
  'S\\.A\\.R\\.L\\.?',
  'SARL',
  'S\\.A\\.?',
  'SA',
  'S\\.L\\.?',
  'SL',
  'B\\.V\\.?',
  'BV',
  'N\\.V\\.?',
  'NV',
  'AB',
  'Oyj?',
  'A/S',
  'ApS',
  'Sp\\. z o\\.o\\.',
];
/**
 * A legal form after a capitalised word (the company's name, up to 40 characters: an unbounded look back made a flag
 * of 50,000 characters without a space take seconds), with its comma, at a word's end.
 */
const LEGAL_FORM = new RegExp(`(?<=\\p{Lu}[\\p{L}\\p{N}&'\\u2019.-]{0,40}),?\\s+(?:${LEGAL_FORMS.join('|')})(?=$|[\\s,;:)\\]])`, 'gu');

const CODE_NAME = /^(?:the\s+)?(?:Project|Operation|Programme|Program|Initiative|[Cc]odename|[Cc]ode name|[Cc]ode-named)\s+["\u201C\u201E'\u2018]?(\p{Lu}[\p{L}\p{N}-]*(?:\s+\p{Lu}[\p{L}\p{N}-]*)?)["\u201D'\u2019]?$/u;

/** The other forms of `text` (as flagged): without each legal form, and a code name alone. */
export function orgForms(text: string): string[] {
  const t = text.trim().replace(/[;:]+$/u, '');
  const out = new Set<string>();
  for (const m of t.matchAll(LEGAL_FORM)) out.add((t.slice(0, m.index) + t.slice(m.index + m[0].length)).trim());
  const code = CODE_NAME.exec(t.replace(/\.$/u, ''));
  if (code) out.add(code[1]!);
  out.delete(t);
  return [...out];
}
