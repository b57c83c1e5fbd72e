// @vitest-environment jsdom
import { act, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Attendance } from '../../shared/domain/attendance';
import type { Organisation } from '../../shared/domain/members';
import { AttendancePanel } from '../../renderer/features/attendance/AttendancePanel';
import { reactRoot } from '../helpers/react-root';

// The panel's renders, counted where each one computes its line of counts.
const renders = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../renderer/features/attendance/counts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../renderer/features/attendance/counts')>();
  return {
    ...actual,
    liveCounts: (...args: Parameters<typeof actual.liveCounts>) => {
      renders.n++;
      return actual.liveCounts(...args);
    },
  };
});

const members: Organisation[] = [
  { id: 'o1', name: 'Aleph Alpha', shortName: 'Aleph Alpha', isMember: true, representatives: [{ id: 'r1', name: 'Jonas Weber', email: '', role: '' }] },
  { id: 'o2', name: 'Mistral AI', shortName: 'Mistral', isMember: true, representatives: [{ id: 'r2', name: 'Camille Laurent', email: '', role: '' }] },
] as unknown as Organisation[];
const empty: Attendance = { participants: [], summary: { organisationsRepresented: [], counts: { in_person: 0, remote: 0, excused: 0, absent: 0 } } };

describe('AttendancePanel on the minutes page', () => {
  it('renders again only when the attendance changes, not with every render of the page around it', () => {
    let bump: () => void = () => undefined;
    let setAttendance: (a: Attendance) => void = () => undefined;
    const onChange = () => undefined; // the page's is stable (MinutesSide, useCallback)
    function Page() {
      const [n, setN] = useState(0);
      const [attendance, set] = useState(empty);
      bump = () => setN(n + 1);
      setAttendance = set;
      return (
        <div data-n={n}>
          <AttendancePanel meetingId="m1" attendance={attendance} members={members} readOnly={false} onChange={onChange} />
        </div>
      );
    }
    const { host, render } = reactRoot();
    render(<Page />);
    expect(renders.n).toBe(1);
    expect(host.textContent).toContain('Camille Laurent');
    for (let i = 0; i < 3; i++) act(() => bump());
    expect(renders.n).toBe(1);
    act(() => setAttendance({ ...empty }));
    expect(renders.n).toBe(2);
  });
});
