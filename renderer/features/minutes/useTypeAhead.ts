import { useCallback, useEffect, useRef, useState } from 'react';

/** Keys typed ahead into sections whose editor never came before the page was left, by meeting (this window only). */
const kept = new Map<string, Map<string, string>>();

/** While keys are kept away from their minutes page, a reload or closing the window asks first, whatever page is open. */
function askBeforeUnload(e: BeforeUnloadEvent) {
  if (kept.size > 0) e.preventDefault();
}
function keptChanged() {
  if (kept.size > 0) window.addEventListener('beforeunload', askBeforeUnload);
  else window.removeEventListener('beforeunload', askBeforeUnload);
}

/** Keeps, for the next time this meeting's minutes open, the keys typed into sections not yet loaded. */
function keepTyping(meetingId: string, typed: ReadonlyMap<string, string>): void {
  if (typed.size > 0) kept.set(meetingId, new Map(typed));
  else kept.delete(meetingId);
  keptChanged();
}

/** The keys kept for this meeting's sections (keepTyping). */
function keptTyping(meetingId: string): ReadonlyMap<string, string> {
  return kept.get(meetingId) ?? new Map<string, string>();
}

/** This meeting's minutes page is open: it holds its kept keys now (and keeps them again when it is left). */
function releaseKept(meetingId: string): void {
  kept.delete(meetingId);
  keptChanged();
}

/**
 * Keys typed into sections whose editor has not come yet (typeAhead.ts): what each placeholder shows and the meeting
 * bar counts as not saved (`typed`), and the same as a ref (`waiting`: MinutesSections hands it over in the commit
 * that mounts the editor, then calls `handedOver`). Not one of them is lost: left for another page of the app, they
 * are kept for the next time these minutes open (this window), and a reload or closing the window asks first, as
 * with words not saved yet, on the minutes page and on every other page of the app while they are kept.
 */
export function useTypeAhead(meetingId: string) {
  const [typed, setTyped] = useState<ReadonlyMap<string, string>>(() => keptTyping(meetingId));
  const waiting = useRef(new Map(typed));
  useEffect(() => {
    const left = waiting.current;
    releaseKept(meetingId);
    const onUnload = (e: BeforeUnloadEvent) => {
      if (left.size > 0) e.preventDefault();
    };
    window.addEventListener('beforeunload', onUnload);
    return () => {
      window.removeEventListener('beforeunload', onUnload);
      keepTyping(meetingId, left);
    };
  }, [meetingId]);
  /** The officer typed into `key`'s placeholder: `text` is all it holds now. */
  const typeInto = useCallback((key: string, text: string) => {
    waiting.current.set(key, text);
    setTyped((m) => new Map(m).set(key, text));
  }, []);
  /** `key`'s editor has taken its keys (MinutesSections, in the commit that mounted it): they are its to save now. */
  const handedOver = useCallback((key: string) => {
    waiting.current.delete(key);
    setTyped((m) => {
      if (!m.has(key)) return m;
      const next = new Map(m);
      next.delete(key);
      return next;
    });
  }, []);
  return { typed, waiting, typeInto, handedOver };
}

export type TypeAhead = ReturnType<typeof useTypeAhead>;
