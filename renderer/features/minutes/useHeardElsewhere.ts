import { useEffect } from 'react';
import { useLatest } from '../../ui/useLatest';
import { onChangedElsewhere } from '../../window-changes';

/**
 * When another window of the app announces one of `calls` (a set of window-changes.ts), asks the backend (`ask`) and gives the
 * answer to `take`: the minutes page follows the minutes' status (approved, reopened) and the live meeting (started,
 * moved to another item, a timer, ended) changed there, at once. The last answer wins: a look started earlier never
 * takes back a later one. A failed look says nothing (only a nudge: the page's own calls report a host that does not
 * answer).
 */
export function useHeardElsewhere<T>(calls: ReadonlySet<string>, ask: () => Promise<T>, take: (answer: T) => void): void {
  const asking = useLatest(ask);
  const taking = useLatest(take);
  useEffect(() => {
    let alive = true;
    let asked = 0;
    const stop = onChangedElsewhere(calls, () => {
      const n = ++asked;
      asking.current().then(
        (answer) => {
          if (alive && n === asked) taking.current(answer);
        },
        () => undefined,
      );
    });
    return () => {
      alive = false;
      stop();
    };
  }, [calls, asking, taking]);
}
