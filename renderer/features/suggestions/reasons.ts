import type { FlagReason } from '../../../shared/domain/flags';
import type { SuggestionKind } from '../../../shared/suggestions';

/**
 * The reason a flag gets when a suggestion is accepted, from what made the passage look sensitive: contact details
 * and names are personal data; the rest (a member near figures or plans, "confidential", the secretariat's own
 * sensitive terms) commercially confidential. The officer can change it in the Flags panel.
 */
export const REASON_BY_KIND: Record<SuggestionKind, FlagReason> = {
  contact: 'personal_data',
  person: 'personal_data',
  confidentiality_phrase: 'commercially_confidential',
  sensitive_term: 'commercially_confidential',
  org_near_figure: 'commercially_confidential',
};

export function reasonForSuggestion(kinds: readonly SuggestionKind[]): FlagReason {
  // The strongest kind decides (kinds come strongest first).
  return REASON_BY_KIND[kinds[0] ?? 'org_near_figure'];
}
