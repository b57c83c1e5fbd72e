import { describe, expect, it } from 'vitest';
import { lagText, rollUp, schedule, type TimedSection } from '../../renderer/features/live/timing';

const sections: TimedSection[] = [
  { key: 'opening', parentKey: null, plannedMinutes: 0 },
  { key: 'a', parentKey: null, plannedMinutes: 10 },
  { key: 'b', parentKey: null, plannedMinutes: 0 },
  { key: 'b1', parentKey: 'b', plannedMinutes: 15 },
  { key: 'b2', parentKey: 'b', plannedMinutes: 5 },
  { key: 'closing', parentKey: null, plannedMinutes: 0 },
];

describe('live timing', () => {
  it("a parent item counts its sub-items' time and plan", () => {
    const spent: Record<string, number> = { b: 60, b1: 600, b2: 900 };
    const t = rollUp(sections, (k) => spent[k] ?? 0);
    expect(t.get('b')).toEqual({ planned: 20 * 60, elapsed: 1560, over: 360 });
    expect(t.get('b2')).toEqual({ planned: 300, elapsed: 900, over: 600 });
    expect(t.get('opening')!.over).toBe(0);
  });

  it('a parent with its own plan keeps it', () => {
    const t = rollUp([{ key: 'p', parentKey: null, plannedMinutes: 30 }, { key: 'c', parentKey: 'p', plannedMinutes: 5 }], () => 60);
    expect(t.get('p')).toEqual({ planned: 1800, elapsed: 120, over: 0 });
  });

  it('projects the end and the lag from what is left', () => {
    const spent: Record<string, number> = { a: 900, b1: 120 };
    const timing = rollUp(sections, (k) => spent[k] ?? 0);
    // In b1 (so in b): a is done; b has 20 min planned, 2 min spent → 18 min left.
    const s = schedule({ sections, timing, currentKey: 'b1', meetingSeconds: 1020, plannedMeetingSeconds: 30 * 60, now: 0 });
    expect(s.remaining).toBe(18 * 60);
    expect(s.lag).toBe(1020 + 1080 - 1800);
    expect(s.projectedEnd).toBe(18 * 60 * 1000);
    expect(lagText(s.lag)).toBe('5 min behind schedule');
    expect(lagText(-200)).toBe('3 min ahead of schedule');
    expect(lagText(20)).toBe('On schedule');
  });
});
