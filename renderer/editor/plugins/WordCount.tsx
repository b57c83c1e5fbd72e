import { useSyncExternalStore } from 'react';

/**
 * A section's word count, kept apart from the editor's React tree: a new count renders only the count's text, not the
 * toolbar and the dozen plugins around it. As React state of the editor's body, the first count (computed once the
 * editor has mounted) rendered that whole tree a second time: a long task between the first editor showing and it
 * taking a click, in every editor that mounts (issue 16).
 */
export interface WordCountStore {
  get: () => number;
  set: (n: number) => void;
  subscribe: (onChange: () => void) => () => void;
}

export function createWordCountStore(): WordCountStore {
  let count = 0;
  const listeners = new Set<() => void>();
  return {
    get: () => count,
    set: (n) => {
      if (n === count) return;
      count = n;
      for (const l of listeners) l();
    },
    subscribe: (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
}

/** "N words" ("1 word"), rendered alone when the count changes. */
export function WordCount({ store }: { store: WordCountStore }) {
  const n = useSyncExternalStore(store.subscribe, store.get);
  return (
    <>
      {n} {n === 1 ? 'word' : 'words'}
    </>
  );
}
