import { describe, expect, it } from 'vitest';
import { itemsRemovedElsewhere, MEETING_DELETED_ELSEWHERE } from '../../renderer/features/minutes/useChangedElsewhere';

/** What a minutes window says when the officer comes back to it after another window changed the meeting. */
describe('changed in another window', () => {
  it('names each removed item, in one sentence that agrees with how many there are', () => {
    expect(itemsRemovedElsewhere(['3 Incident reporting'])).toBe(
      '“3 Incident reporting” was removed from the agenda in another window. What you type in it is kept in its History; restore it from the Trash to go on. Reload the page (Ctrl+R) to see the agenda as it now stands.',
    );
    expect(itemsRemovedElsewhere(['3 Incident reporting', '3.1 Reporting template'])).toMatch(
      /^“3 Incident reporting”, “3\.1 Reporting template” were removed .* What you type in them is kept in their History; restore them from the Trash/,
    );
  });

  it('a deleted meeting: nothing typed is lost, and where to find it', () => {
    expect(MEETING_DELETED_ELSEWHERE).toMatch(/deleted in another window.*kept with it in the Trash.*Restore the meeting from the Trash/);
  });
});
