/**
 * Types of the confidentiality-suggestion engine. The engine is pure (no Node, no DOM) so that the renderer can run
 * it off the typing path and the tests can run it anywhere.
 */

/** What made a passage look sensitive. Listed from the strongest signal to the weakest. */
export const SUGGESTION_KINDS = ['contact', 'confidentiality_phrase', 'sensitive_term', 'org_near_figure', 'person'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

export interface SuggestionOrganisation {
  name: string;
  shortName: string;
  /**
   * false for the AI Office and other institutions: their own dates and plans are public business, so they are never
   * the subject of an org_near_figure suggestion, and a figure said about them is not attributed to a member.
   * Omitted means member. (Names of well-known institutions such as "AI Office" or "Commission" are treated as
   * institutions whatever this says.)
   */
  isMember?: boolean;
  /** Full names of its representatives: a representative who speaks, speaks for this organisation. */
  representatives?: string[];
}

export interface SuggestionContext {
  /** Member organisations (and, with isMember false, institutions) of the body. */
  organisations: SuggestionOrganisation[];
  /** Representatives' full names. */
  people: string[];
  /** The secretariat's own list of words or phrases that always deserve a look (code names, projects…). */
  sensitiveTerms: string[];
  /** Texts of suggestions the officer dismissed; matched on normalised white space, case-insensitively. */
  dismissed: string[];
  /**
   * The meeting date, YYYY-MM-DD. When given, dates clearly before it (e.g. "July 2025" for a 2026 meeting) are
   * public history rather than plans, and do not count as figures.
   */
  referenceDate?: string;
}

export interface Suggestion {
  /** UTF-16 offsets into the text given to suggest(); never inside a surrogate pair. */
  start: number;
  end: number;
  /** The strongest kind among the merged findings (order of SUGGESTION_KINDS). */
  kind: SuggestionKind;
  /** Every kind found in this span, strongest first (several when overlapping findings were merged). */
  kinds: SuggestionKind[];
  /** A short human sentence; several findings' reasons are joined with " ". */
  reason: string;
  /** text.slice(start, end). */
  text: string;
  /** The flag reason the renderer gives a flag made from this suggestion (from the strongest kind). */
  flagReason: SuggestedFlagReason;
}

/** The flag reasons (shared/domain/flags.ts) a suggestion can propose. */
export type SuggestedFlagReason = 'personal_data' | 'commercially_confidential' | 'business_secret';

/** Which flag reason each kind proposes: contact details and names are personal data; the rest is business. */
export const FLAG_REASON_OF_KIND: Record<SuggestionKind, SuggestedFlagReason> = {
  contact: 'personal_data',
  person: 'personal_data',
  confidentiality_phrase: 'commercially_confidential',
  sensitive_term: 'business_secret',
  org_near_figure: 'commercially_confidential',
};
