import { describe, expect, it } from 'vitest';
import { countOf } from '../../shared/format/counts';

describe('countOf', () => {
  it('singular for one, plural otherwise (the meetings list said "1 items")', () => {
    expect(countOf(1, 'item')).toBe('1 item');
    expect(countOf(0, 'item')).toBe('0 items');
    expect(countOf(6, 'item')).toBe('6 items');
  });
});
