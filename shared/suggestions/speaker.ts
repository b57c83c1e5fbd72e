/**
 * Who is speaking. Within a block (and, when the caller passes it on, from one block to the next of a section),
 * "X said / indicated / reported …" — or any sentence whose subject is X — makes X the speaker until another speaker is
 * named. A sentence that opens with a pronoun ("It", "They", "Its …") or "the company / the firm …", or with a common
 * noun ("The launch had slipped…", "The round should close…"), goes on about the current speaker, however far the
 * name is. The AI Office, the Commission, the chair and the secretariat speak as institutions; "Members agreed…" is
 * the group: neither is a member's business.
 *
 * Actors come from the meeting's roster (member organisations, institutions, representatives → their organisation)
 * and, for companies not on the roster ("Amazon reported…"), from a proper noun in subject position followed by a
 * verb: unknown organisations are taken to be members (fail-closed: their plans are suggested).
 */
import type { CompiledContext } from './compile';
import { CARRY_NOUNS, CARRY_SUBJECTS, GROUP_SUBJECTS, OPENERS, REPORTING } from './concepts';
import { phraseKey, wordMatches } from './matchers';
import type { Token } from './nlp';

export type SpeakerRole = 'member' | 'institution' | 'group';

export interface Speaker {
  name: string;
  role: SpeakerRole;
}

export interface Actor {
  start: number;
  end: number;
  name: string;
  role: 'member' | 'institution' | 'person';
  /** For a person: the speaker they stand for (their organisation when known). */
  speaker: Speaker;
}

/** Member, institution and roster-person mentions in `lower` (the lowered folded text), sorted, without overlaps. */
/** Institutions named in lower case are usually the common noun ("on board", "the council of the city"). */
const LOWER_CASE_INSTITUTIONS = new Set(['chair', 'chairperson', 'secretariat', 'co-legislators']);

export function findActors(text: string, lower: string, c: CompiledContext): Actor[] {
  const out: Actor[] = [];
  if (c.members) {
    for (const m of wordMatches(lower, c.members)) {
      const name = c.memberNames.get(phraseKey(m[0])) ?? m[0];
      out.push({ start: m.index, end: m.index + m[0].length, name, role: 'member', speaker: { name, role: 'member' } });
    }
  }
  for (const m of wordMatches(lower, c.institutions)) {
    const written = text[m.index]!;
    if (written === written.toLowerCase() && !LOWER_CASE_INSTITUTIONS.has(m[0])) continue;
    out.push({ start: m.index, end: m.index + m[0].length, name: m[0], role: 'institution', speaker: { name: m[0], role: 'institution' } });
  }
  if (c.people) {
    for (const m of wordMatches(lower, c.people)) {
      const key = phraseKey(m[0].replace(/^(?:mr|mrs|ms|miss|dr|prof|mme|mlle|herr|frau)\.?\s+/iu, ''));
      const full = c.peopleNames.get(phraseKey(m[0])) ?? c.peopleNames.get(key) ?? m[0];
      const org = c.personOrgs.get(phraseKey(full));
      const speaker: Speaker = org ? { name: org.name, role: org.member ? 'member' : 'institution' } : { name: full, role: 'member' };
      out.push({ start: m.index, end: m.index + m[0].length, name: full, role: 'person', speaker });
    }
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Actor[] = [];
  for (const a of out) if (!kept.length || a.start >= kept[kept.length - 1]!.end) kept.push(a);
  return kept;
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'mme', 'mlle']);

/**
 * The speaker a sentence sets, given its tokens [from, to) and the actors inside it.
 * Returns undefined when the sentence names no new speaker (the current one carries on).
 */
export function speakerOfSentence(tokens: readonly Token[], from: number, to: number, actors: readonly Actor[]): Speaker | null | undefined {
  // Skip openers: "Then,", "In reply,", "For its part,", "According to".
  let i = from;
  while (i < to && (OPENERS.has(tokens[i]!.lower) || tokens[i]!.pos === 'PUNCT' || (tokens[i]!.lower === 'its' && tokens[i + 1]?.lower === 'part'))) i++;
  if (i >= to) return undefined;
  // The first verb of the sentence: the subject comes before it.
  let verb = i;
  while (verb < to && tokens[verb]!.pos !== 'VERB' && tokens[verb]!.pos !== 'AUX') verb++;
  const verbStart = verb < to ? tokens[verb]!.start : Number.POSITIVE_INFINITY;
  const subjectStart = tokens[i]!.start;
  // A named actor before the first verb (or "According to X, …").
  const according = from < to && tokens[from]!.lower === 'according';
  for (const a of actors) {
    if (a.start < subjectStart) continue;
    if (a.start < verbStart || (according && a.start < (tokens.slice(from, to).find((t) => t.text === ',')?.start ?? verbStart))) return a.speaker;
    break;
  }
  const first = tokens[i]!;
  if (CARRY_SUBJECTS.has(first.lower)) return undefined;
  if ((first.lower === 'the' || first.lower === 'this') && i + 1 < to && CARRY_NOUNS.has(tokens[i + 1]!.lower)) return undefined;
  // Group subjects: "Members agreed", "Several members", "The Chair", "Two thirds of the members".
  for (let k = i; k < Math.min(verb, i + 6, to); k++) {
    if (GROUP_SUBJECTS.has(tokens[k]!.lower)) return { name: tokens[k]!.text, role: 'group' };
  }
  // A company not on the roster: capitalised proper noun(s) opening the sentence, right before the verb.
  if (/^[A-Z]/.test(first.text) && !TITLES.has(first.lower) && first.pos !== 'DET' && first.pos !== 'PRON') {
    // "Amazon reported…", "Cohere indicated…": the tagger may not know the name, so the reporting verb decides.
    let k = i;
    while (k < to && k < i + 4 && /^[A-Z0-9]/.test(tokens[k]!.text) && tokens[k]!.pos !== 'PUNCT') k++;
    while (k < to && (tokens[k]!.lower === 'then' || tokens[k]!.lower === 'also')) k++;
    const next = tokens[k];
    const tagged = tokens.slice(i, k).every((t) => t.pos === 'PROPN');
    if (k > i && next && k < to && (REPORTING.has(next.lemma) || (tagged && (next.pos === 'VERB' || next.pos === 'AUX')))) {
      const name = tokens.slice(i, k).filter((t) => /^[A-Z0-9]/.test(t.text)).map((t) => t.text).join(' ');
      return { name, role: 'member' };
    }
  }
  return undefined;
}
