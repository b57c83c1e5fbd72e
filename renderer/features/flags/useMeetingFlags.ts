import { useCallback, useEffect, useMemo, useState } from 'react';
import { FLAG_REASONS, guardsText, type FlagReason } from '../../../shared/domain/flags-labels';
import type { Flag, FlagList } from '../../../shared/domain/flags';
import { api } from '../../api';

/** Flags in force (not retired), per reason; every reason present. */
export function countInForce(flags: readonly Flag[]): Record<FlagReason, number> {
  const counts = Object.fromEntries(FLAG_REASONS.map((r) => [r, 0])) as Record<FlagReason, number>;
  for (const f of flags) if (f.retiredAt === null) counts[f.reason] += 1;
  return counts;
}

/**
 * The meeting's flag records as the side panel shows them. Loaded with flags.list, then kept in step without
 * reloading: a created/edited/lifted flag is put in place, and so is every record a save changed (each save answers
 * with the records it derived from the section's marks).
 */
export function useMeetingFlags(meetingId: string, enabled = true) {
  const [flags, setFlags] = useState<Flag[]>([]);
  // The passages other meetings' flags guard (as of the last load): the preview's blockers take them.
  const [elsewhere, setElsewhere] = useState<FlagList['elsewhere']>([]);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    try {
      const r = await api.call('flags.list', { meetingId });
      setFlags(r.flags);
      setElsewhere(r.elsewhere);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [meetingId]);

  // Loaded once `enabled` (the minutes page: after its first editor is editable, issue 16).
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    api.call('flags.list', { meetingId }).then(
      (r) => {
        if (!alive) return;
        setFlags(r.flags);
        setElsewhere(r.elsewhere);
        setError(null);
      },
      (e: unknown) => {
        if (alive) setError(e);
      },
    );
    return () => {
      alive = false;
    };
  }, [meetingId, enabled]);

  const upsert = useCallback((flag: Flag) => {
    setFlags((list) => (list.some((f) => f.id === flag.id) ? list.map((f) => (f.id === flag.id ? flag : f)) : [...list, flag]));
  }, []);

  const applyChanges = useCallback((changed: readonly Flag[]) => {
    if (changed.length === 0) return;
    setFlags((list) => {
      const fresh = new Map(changed.map((f) => [f.id, f]));
      const kept = list.filter((f) => !fresh.has(f.id));
      return [...kept, ...changed].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    });
  }, []);

  /**
   * The records as another window left them (flags.list, useFollowSections): each record's newest version wins
   * (`updatedAt`), and none is dropped — a record is never deleted, only retired — so a list read before a save of this
   * window never takes back what that save's answer put in.
   */
  const merge = useCallback((list: FlagList) => {
    setFlags((mine) => mergeFlags(mine, list.flags) ?? mine);
    setElsewhere((e) => (JSON.stringify(e) === JSON.stringify(list.elsewhere) ? e : list.elsewhere));
  }, []);

  const inForce = useMemo(() => flags.filter((f) => f.retiredAt === null), [flags]);
  // Retired because their text was deleted: their words still guard (a copy printed elsewhere is a blocker).
  const textRemoved = useMemo(() => flags.filter((f) => f.retiredAt !== null && guardsText(f)), [flags]);
  const counts = useMemo(() => countInForce(flags), [flags]);
  return { flags, inForce, textRemoved, counts, elsewhere, error, reload, upsert, applyChanges, merge };
}

/**
 * `mine` with `theirs` merged in: a record only there is added, one newer there (`updatedAt`) replaces this one, the
 * others stay as they are; in the list's order (created, then id). Null when nothing changes (no render).
 */
export function mergeFlags(mine: readonly Flag[], theirs: readonly Flag[]): Flag[] | null {
  const byId = new Map(mine.map((f) => [f.id, f]));
  let changed = false;
  for (const f of theirs) {
    const here = byId.get(f.id);
    if (here && Date.parse(here.updatedAt) >= Date.parse(f.updatedAt)) continue;
    byId.set(f.id, f);
    changed = true;
  }
  if (!changed) return null;
  return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}
