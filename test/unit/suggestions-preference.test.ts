// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openPreferencesEarly, rememberSuggestionsWanted, suggestionsWanted } from '../../renderer/features/suggestions/preference';

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
});

describe("the officer's suggestions switch (this machine's preference)", () => {
  it('is on until turned off, and remembered', () => {
    expect(suggestionsWanted()).toBe(true);
    rememberSuggestionsWanted(false);
    expect(localStorage.getItem('tfs-suggestions')).toBe('off');
    expect(suggestionsWanted()).toBe(false);
    rememberSuggestionsWanted(true);
    expect(suggestionsWanted()).toBe(true);
  });

  it('a value it did not write counts as on', () => {
    localStorage.setItem('tfs-suggestions', 'maybe');
    expect(suggestionsWanted()).toBe(true);
  });

  it('storage refused: on, and neither reading, writing nor opening it early throws', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(suggestionsWanted()).toBe(true);
    expect(() => rememberSuggestionsWanted(false)).not.toThrow();
    expect(() => openPreferencesEarly()).not.toThrow();
  });

  it('opening it early reads the storage once (what loads it into the page), and changes nothing', () => {
    localStorage.setItem('tfs-suggestions', 'off');
    const read = vi.spyOn(Storage.prototype, 'getItem');
    openPreferencesEarly();
    expect(read).toHaveBeenCalledTimes(1);
    expect(localStorage.getItem('tfs-suggestions')).toBe('off');
  });
});
