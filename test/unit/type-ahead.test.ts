import { describe, expect, it } from 'vitest';
import { typeAhead, type TypedKey } from '../../renderer/features/minutes/typeAhead';

const key = (k: string, mods: Partial<TypedKey> = {}): TypedKey => ({ key: k, ctrlKey: false, altKey: false, metaKey: false, ...mods });

/** Keys typed into a section still loading: kept as the text the editor will take (nothing lost, nothing invented). */
describe('typeAhead', () => {
  it('keeps characters, Enter as a new paragraph, and takes the last one back on Backspace', () => {
    let kept = '';
    for (const k of ['M', 'e', 'é', ' ', '€', 'Enter', 'x', 'Backspace', '2']) kept = typeAhead(kept, key(k)) ?? kept;
    expect(kept).toBe('Meé €\n2');
  });

  it('takes back a whole character made of two code units (an emoji), not half of it', () => {
    expect(typeAhead('ok 👍', key('Backspace'))).toBe('ok ');
    expect(typeAhead('', key('👍'))).toBe('👍');
  });

  it('leaves shortcuts, Tab, arrows, function keys, an input method and Backspace on nothing to their usual action', () => {
    for (const k of [key('s', { ctrlKey: true }), key('n', { altKey: true }), key('v', { metaKey: true }), key('Tab'), key('ArrowDown'), key('F5'), key('Escape'), key('a', { isComposing: true })])
      expect(typeAhead('kept', k), JSON.stringify(k)).toBeNull();
    expect(typeAhead('', key('Backspace'))).toBeNull();
  });
});
