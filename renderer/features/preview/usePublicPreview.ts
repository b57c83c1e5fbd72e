import { useCallback, useEffect, useRef, useState } from 'react';
import type { PreviewResult, PreviewSource } from './previewInput';
import { onDemand } from '../../ui/onDemand';
import { useLatest } from '../../ui/useLatest';

/**
 * The preview's code (the public summary model, the redaction and its reader of stored minutes, with zod/mini): loaded
 * when the preview is first shown, not with the minutes page (issue 16: off the path to the first editable editor).
 */
const previewCode = onDemand(() => import('./previewInput'));

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
  // Set when the preview's code has come: the preview is then built, if it is shown.
  const [codeCame, setCodeCame] = useState(() => previewCode.now() !== null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const readRef = useLatest(read);
  const visibleRef = useLatest(visible);

  const rebuild = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const code = previewCode.now();
    if (!code) {
      // Built once its code has come (a failed load shows as the preview's error, and the next change tries again).
      previewCode.load().then(
        () => setCodeCame(true),
        () => setResult({ ok: false, message: 'The preview could not be loaded. Reload the app (Ctrl+R) to try again.' }),
      );
      return;
    }
    const src = readRef.current();
    if (!src) return;
    setResult(code.buildPreview(src));
    setStale(false);
  }, [readRef]);

  /** A change came while the preview was hidden: shown again, it is stale until rebuilt. */
  const missed = useRef(false);

  const changed = useCallback(() => {
    // Hidden, nothing of it is on the screen, so nothing renders: `changed()` comes after every debounced edit and
    // with the page's first answers, and each state change here rendered the whole minutes page again (issue 16).
    // Showing it rebuilds it at once.
    if (!visibleRef.current) {
      missed.current = true;
      return;
    }
    setStale(true);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(rebuild, PREVIEW_DEBOUNCE_MS);
  }, [rebuild, visibleRef]);

  useEffect(() => {
    if (!visible) return;
    if (missed.current) {
      missed.current = false;
      setStale(true); // until the rebuild below (or the next one, when a section has not loaded yet) replaces it
    }
    rebuild();
  }, [visible, rebuild, codeCame]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return { result, stale, changed, rebuild };
}
