/**
 * Other forms of a flagged person's name, as lists of participants and agendas print it (an audit, 2026-12-05): an
 * expert flagged in the minutes as "Dr Imogen Castellanos-Whitby" is recorded in the attendance as "Imogen
 * Castellanos-Whitby", or, by the EU's convention for lists of participants, "CASTELLANOS-WHITBY Imogen". A reader
 * reads the same person; the check, which looks for the passage as flagged, did not. The matcher (match-text.ts
 * `spellings`) also searches the forms given here, on the flagged side only.
 *
 * Only a passage that is a name and nothing else is read: two to four words, each starting with a capital letter
 * (or a lower-case particle such as "van", "von der", "de" inside it), optionally after an honorific ("Dr", "Prof.",
 * "Ms" …). Its forms: without the honorific; surname first (the surname is the last word, or starts at the first
 * particle: "VON DER LEYEN Ursula"). With an honorific, a name followed by its affiliation ("Dr Jane Roe of Acme",
 * "Dr Jane Roe (Acme)") gives the name's forms too: it names a person. Without one it is not read, since "Acme Holdings
 * of Delaware" would make "Acme Holdings" unpublishable everywhere. Case does not matter (the text is folded after).
 */
const HONORIFIC = /^(?:dr|prof|professor|mr|mrs|ms|mx|sir|dame|lord|lady|herr|frau|mme|mlle|madame|monsieur|dott|dottssa|ing|mag)\.?$/i;
const PARTICLE = /^(?:van|von|de|der|den|del|della|di|da|dos|das|du|la|le|ter|ten|af|zu|al|el|bin|ibn)$/;
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'\u2019-]*\.?$/u;
const AFFILIATION = /^(.+?)\s*(?:,\s*|\s+(?:of|from|at)\s+|\s*\((.+)\)\s*$)/u;

/** The name's words if `words` are a person's name (see above), else null. */
function asName(words: readonly string[]): string[] | null {
  if (words.length < 2 || words.length > 4) return null;
  if (!NAME_WORD.test(words[0]!) || !NAME_WORD.test(words[words.length - 1]!)) return null;
  return words.every((w) => NAME_WORD.test(w) || PARTICLE.test(w)) ? [...words] : null;
}

/** Surname first: from the first particle after the given name(s), else the last word. */
function surnameFirst(name: readonly string[]): string {
  const particle = name.findIndex((w, i) => i > 0 && PARTICLE.test(w));
  const at = particle > 0 ? particle : name.length - 1;
  return [...name.slice(at), ...name.slice(0, at)].join(' ');
}

/** The other forms of `text` if it is a person's name (with or without an honorific), else none. */
export function nameForms(text: string): string[] {
  let words = text.trim().replace(/[.,;:]+$/u, '').split(/\s+/u);
  const honorific = HONORIFIC.test(words[0]!);
  if (honorific) words = words.slice(1);
  let name = asName(words);
  if (!name && honorific) {
    // "Dr Jane Roe of Acme", "Dr Jane Roe, Acme", "Dr Jane Roe (Acme)": the name before its affiliation.
    const m = AFFILIATION.exec(words.join(' '));
    if (m) name = asName(m[1]!.split(/\s+/u));
  }
  if (!name) return [];
  const forms = new Set([name.join(' '), surnameFirst(name)]);
  forms.delete(text.trim());
  return [...forms];
}
