import { useCallback, useEffect, useRef, useState } from 'react';
import { buildPreview, type PreviewResult, type PreviewSource } from './previewInput';
import { useLatest } from '../../ui/useLatest';

/** Quiet time after the last editor onChange before the preview is rebuilt (never per keystroke). */
export const PREVIEW_DEBOUNCE_MS = 300;

/**
 * The live public preview's state. `changed()` is called after an editor's (already debounced) onChange, or when the
 * agenda, attendance or meeting settings change; the preview is rebuilt PREVIEW_DEBOUNCE_MS later, and only while it
 * is visible (showing it rebuilds it at once). `read()` gathers the current content of every section at build time.
 */
export function usePublicPreview(visible: boolean, read: () => PreviewSource | null) {
  const [result, setResult] = useState<PreviewResult | null>(null);
  const [stale, setStale] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const readRef = useLatest(read);
  const visibleRef = useLatest(visible);

  const rebuild = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const src = readRef.current();
    if (!src) return;
    setResult(buildPreview(src));
    setStale(false);
  }, [readRef]);

  const changed = useCallback(() => {
    setStale(true);
    if (!visibleRef.current) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(rebuild, PREVIEW_DEBOUNCE_MS);
  }, [rebuild, visibleRef]);

  useEffect(() => {
    if (visible) rebuild();
  }, [visible, rebuild]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return { result, stale, changed, rebuild };
}
