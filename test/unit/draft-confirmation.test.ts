import { describe, expect, it } from 'vitest';
import { draftConfirmationOf } from '../../shared/contract/exports-labels';

/** The export panel asks before a draft public summary only when the backend's refusal carries this exact question. */
describe('draftConfirmationOf', () => {
  it('reads the question the export service sends with invalid_transition', () => {
    expect(draftConfirmationOf({ needsConfirmation: 'draft', minutesStatus: 'draft', version: 3 })).toEqual({ needsConfirmation: 'draft', minutesStatus: 'draft', version: 3 });
  });

  it('is null for any other details, so the error is shown as it is', () => {
    for (const d of [undefined, null, 'draft', 3, [], {}, { needsConfirmation: 'final', minutesStatus: 'draft', version: 1 }, { needsConfirmation: 'draft', minutesStatus: 2, version: 1 }, { needsConfirmation: 'draft', minutesStatus: 'draft', version: 1.5 }, { needsConfirmation: 'draft', minutesStatus: 'draft' }])
      expect(draftConfirmationOf(d), JSON.stringify(d)).toBeNull();
  });
});
