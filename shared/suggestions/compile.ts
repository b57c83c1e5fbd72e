/**
 * compileContext(): turns the body's organisations, people, terms and dismissals into matchers once. The renderer
 * keeps the result while the context is unchanged and passes it to suggest() on every (debounced) run.
 */
import { INSTITUTIONS } from './lexicon';
import { alternation, literalPattern, phraseKey, wordRegex } from './matchers';
import type { SuggestionContext } from './types';

const COMPILED = Symbol('compiled suggestion context');

export interface CompiledContext {
  readonly [COMPILED]: true;
  /** Member organisations' names and short names. */
  readonly members: RegExp | null;
  /** phraseKey(name or short name) → the organisation's name, for reasons. */
  readonly memberNames: ReadonlyMap<string, string>;
  /** Institutions (built-in list plus organisations given with isMember false). */
  readonly institutions: RegExp;
  /** Full names, and "Ms/Mr/Dr + surname". */
  readonly people: RegExp | null;
  /** phraseKey(full name or surname) → full name. */
  readonly peopleNames: ReadonlyMap<string, string>;
  /** phraseKey(full name) → the organisation the person represents (when given). */
  readonly personOrgs: ReadonlyMap<string, { name: string; member: boolean }>;
  readonly terms: RegExp | null;
  /** dismissalKey() of each dismissed text. */
  readonly dismissed: ReadonlySet<string>;
  /** year*12+month of the reference date, or null. */
  readonly referenceMonth: number | null;
}

/** How dismissed texts are compared: white space collapsed, case ignored. */
export function dismissalKey(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
}

const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'del', 'della', 'le', 'la', 'du', 'dos', 'das', 'ten', 'ter', 'zu']);

/** "Pieter de Vries" → "de Vries"; "Sarah Okafor" → "Okafor". */
export function surnameOf(fullName: string): string {
  const parts = fullName.trim().split(/\s+/u);
  if (parts.length < 2) return '';
  for (let k = 1; k < parts.length - 1; k++) if (PARTICLES.has(parts[k]!.toLowerCase())) return parts.slice(k).join(' ');
  return parts[parts.length - 1]!;
}

function referenceMonthOf(date: string | undefined): number | null {
  const m = date ? /^(\d{4})-(\d{2})/.exec(date) : null;
  return m ? Number(m[1]) * 12 + Number(m[2]) : null;
}

export function compileContext(ctx: SuggestionContext): CompiledContext {
  const institutionKeys = new Set(INSTITUTIONS.map(phraseKey));
  const memberNames = new Map<string, string>();
  const institutionNames: string[] = [...INSTITUTIONS];
  for (const org of ctx.organisations) {
    const names = [org.name, org.shortName].filter((n) => n && n.trim().length > 0);
    const isInstitution = org.isMember === false || names.some((n) => institutionKeys.has(phraseKey(n)));
    for (const n of names) {
      if (isInstitution) institutionNames.push(n);
      else memberNames.set(phraseKey(n), org.name.trim() || n.trim());
    }
  }
  const peopleNames = new Map<string, string>();
  const personOrgs = new Map<string, { name: string; member: boolean }>();
  const personPatterns: string[] = [];
  const everyone = [...ctx.people];
  for (const org of ctx.organisations) {
    const member = !(org.isMember === false || [org.name, org.shortName].some((n) => n && institutionKeys.has(phraseKey(n))));
    for (const r of org.representatives ?? []) {
      if (r.trim().length === 0) continue;
      personOrgs.set(phraseKey(r), { name: org.name, member });
      if (!everyone.includes(r)) everyone.push(r);
    }
  }
  for (const person of everyone) {
    const full = person.trim();
    if (full.length === 0) continue;
    peopleNames.set(phraseKey(full), full);
    personPatterns.push(literalPattern(full));
    const surname = surnameOf(full);
    if (surname) {
      peopleNames.set(phraseKey(surname), full);
      personPatterns.push(`(?:mr|mrs|ms|miss|dr|prof|mme|mlle|herr|frau)\\.?\\s+${literalPattern(surname)}`);
    }
  }
  personPatterns.sort((a, b) => b.length - a.length);
  return {
    [COMPILED]: true,
    members: alternation([...memberNames.keys()]),
    memberNames,
    institutions: alternation(institutionNames)!,
    people: personPatterns.length ? wordRegex(personPatterns, personPatterns.every((p) => /^(?:\(\?:)?[A-Za-z0-9_]/.test(p))) : null,
    peopleNames,
    personOrgs,
    terms: alternation(ctx.sensitiveTerms.filter((t) => t.trim().length > 0)),
    dismissed: new Set(ctx.dismissed.map(dismissalKey)),
    referenceMonth: referenceMonthOf(ctx.referenceDate),
  };
}

/** The same matchers with another list of dismissed texts (cheap: the officer dismisses often). */
export function withDismissed(compiled: CompiledContext, dismissed: readonly string[]): CompiledContext {
  return { ...compiled, dismissed: new Set(dismissed.map(dismissalKey)) };
}

export function isCompiled(x: unknown): x is CompiledContext {
  return typeof x === 'object' && x !== null && (x as { [COMPILED]?: boolean })[COMPILED] === true;
}
