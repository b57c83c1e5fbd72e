import { useCallback, useState } from 'react';
import type { Flag } from '../../../shared/domain/flags';
import { flagNoticeFor, type FlagNoticeState } from '../flags/FlagNotice';
import type { useMeetingFlags } from '../flags/useMeetingFlags';
import { useLatest } from '../../ui/useLatest';

/**
 * The flag records a save changed go into the flag list; a flag lifted by undo or whose mark went missing raises a
 * notice above the minutes (lead's flag lifecycle, kept out of the page component).
 */
export function useFlagNotice(flagStore: ReturnType<typeof useMeetingFlags>) {
  const [notice, setNotice] = useState<FlagNoticeState | null>(null);
  const storeRef = useLatest(flagStore);
  const { applyChanges } = flagStore;
  const flagsSaved = useCallback(
    (changed: Flag[]) => {
      applyChanges(changed);
      const n = flagNoticeFor(changed);
      if (n) setNotice(n);
    },
    [applyChanges],
  );
  const undone = useCallback(
    (ids: string[]) => setNotice({ kind: 'undo', excerpts: ids.map((id) => storeRef.current.flags.find((f) => f.id === id)?.excerpt ?? '') }),
    [storeRef],
  );
  return { notice, setNotice, flagsSaved, undone, storeRef };
}
