import { describe, expect, it } from 'vitest';
import { SUGGESTION_KINDS } from '../../shared/suggestions';
import { reasonForSuggestion, REASON_BY_KIND } from '../../renderer/features/suggestions/reasons';

describe('accepting a suggestion picks the reason from its kind', () => {
  it('contact details and names are personal data; the rest commercially confidential', () => {
    expect(reasonForSuggestion(['contact'])).toBe('personal_data');
    expect(reasonForSuggestion(['person'])).toBe('personal_data');
    expect(reasonForSuggestion(['org_near_figure'])).toBe('commercially_confidential');
    expect(reasonForSuggestion(['confidentiality_phrase', 'person'])).toBe('commercially_confidential');
    for (const k of SUGGESTION_KINDS) expect(REASON_BY_KIND[k]).toBeTruthy();
  });
});
