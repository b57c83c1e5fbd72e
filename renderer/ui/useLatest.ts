import { useInsertionEffect, useRef } from 'react';

/**
 * A ref that always holds the latest `value`, for callbacks registered once (editor commands, window listeners,
 * timers) that must call the current props. It is updated in an insertion effect, before any layout or passive effect
 * of this commit runs, instead of during render (which React may repeat or throw away). Read `.current` only in
 * effects and event handlers, never while rendering.
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useInsertionEffect(() => {
    ref.current = value;
  });
  return ref;
}
