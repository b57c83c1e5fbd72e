// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Flag } from '../../shared/domain/flags';
import { FLAG_REASONS, type FlagReason } from '../../shared/domain/flags-labels';
import { FlagsPanel } from '../../renderer/features/flags/FlagsPanel';
import { reactRoot } from '../helpers/react-root';

const at = '2026-12-04T10:00:00.000Z';
function flag(id: string, over: Partial<Flag>): Flag {
  return {
    id,
    meetingId: 'm1',
    sectionKey: 'opening',
    reason: 'commercially_confidential',
    note: '',
    createdBy: 'officer',
    createdAt: at,
    updatedAt: at,
    retiredAt: null,
    retiredReason: null,
    retiredBy: '',
    unmarkedSince: null,
    excerpt: `passage ${id}`,
    ...over,
  };
}
const noCounts = Object.fromEntries(FLAG_REASONS.map((r) => [r, 0])) as Record<FlagReason, number>;
const noop = async () => undefined;

function panel(flags: Flag[]) {
  const { host, render } = reactRoot();
  render(
    <FlagsPanel
      flags={flags}
      onFlagAgain={noop}
      counts={{ ...noCounts, commercially_confidential: flags.filter((f) => f.retiredAt === null).length }}
      sectionLabel={() => 'Opening'}
      sectionOrder={() => 0}
      readOnly={false}
      error={null}
      onJump={() => undefined}
      onUpdated={() => undefined}
      onUnflag={noop}
      terms={[]}
      onSetTerms={async (t) => t}
    />,
  );
  const flat = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return { host, glance: flat(host.querySelector('.glance')), text: flat(host) };
}

describe('FlagsPanel: what its header says', () => {
  it('says "No flags yet" only when the meeting has no flag record at all', () => {
    const { glance, text } = panel([]);
    expect(glance).toBe('0 flags in force');
    expect(text).toContain('No flags yet');
  });

  it('counts a flag whose text was deleted while it still keeps copies out of public files, and does not say "No flags yet"', () => {
    const removed = flag('a', { retiredAt: at, retiredReason: 'text_removed' });
    const { glance, text } = panel([removed]);
    expect(glance).toContain('0 flags in force');
    expect(glance).toContain('1 flag whose text was deleted still keeps any copy of it out of public files');
    expect(text).not.toContain('No flags yet');
    expect(text).toContain('No flag in force.');
  });

  it('does not count lifted flags (a person or an undo ended them) as guarding', () => {
    const { glance, text } = panel([
      flag('a', { retiredAt: at, retiredReason: 'unflagged', retiredBy: 'officer' }),
      flag('b', { retiredAt: at, retiredReason: 'undo' }),
      flag('c', { retiredAt: at, retiredReason: 'text_removed' }),
      flag('d', { retiredAt: at, retiredReason: 'text_removed' }),
      flag('e', {}),
    ]);
    expect(glance).toContain('1 flag in force');
    expect(glance).toContain('2 flags whose text was deleted still keep any copy of it out of public files');
    expect(text).not.toContain('No flag in force.');
  });
});
