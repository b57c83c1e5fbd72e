import { useCallback, useEffect, useRef, useState } from 'react';
import type { PreviewResult } from './previewInput';
import { createPreviewBuilder, type LazyPreviewSource, type PreviewBuilder } from './previewBuilder';
import { useLatest } from '../../ui/useLatest';

/** Quiet time after the last editor onChange before the preview is rebuilt (never per keystroke). */
export const PREVIEW_DEBOUNCE_MS = 300;

/** One builder for the minutes page: its worker starts with the first preview shown, and stops when the page is left. */
let builder: PreviewBuilder | null = null;

/**
 * The live public preview's state. `changed()` is called after an editor's (already debounced) onChange, or when the
 * agenda, attendance or meeting settings change; the preview is rebuilt PREVIEW_DEBOUNCE_MS later, and only while it
 * is visible (showing it rebuilds it at once). `read()` gathers every section at build time (each read only if it
 * changed since the worker got it: previewSections.ts);
 * the build itself runs off the page's thread (previewBuilder.ts), one at a time: a change that comes during a build
 * is built once that one is done. The preview stays marked stale until a build holds every change made before it.
 */
export function usePublicPreview(visible: boolean, read: () => LazyPreviewSource | null) {
  const [result, setResult] = useState<PreviewResult | null>(null);
  const [stale, setStale] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const readRef = useLatest(read);
  const visibleRef = useLatest(visible);
  /** Bumped by every change; a build holds the changes up to the generation it read. */
  const generation = useRef(0);
  /** The generation the preview shown was built from (-1: none shown yet). */
  const built = useRef(-1);
  const building = useRef(false);
  const again = useRef(false);
  const alive = useRef(true);
  /** The latest `rebuild`, for a build that ends with a change waiting (rebuild cannot name itself). */
  const rebuildNext = useRef<() => void>(() => {});

  const rebuild = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (building.current) {
      again.current = true;
      return;
    }
    const src = readRef.current();
    if (!src) return;
    const read = generation.current;
    building.current = true;
    const by = (builder ??= createPreviewBuilder());
    // The answer of a builder disposed meanwhile (the page left, or StrictMode running the effects twice) is "not
    // built": it is not shown.
    const current = () => alive.current && by === builder;
    by.build(src)
      .then(
        (r) => {
          if (!current()) return;
          setResult(r);
          built.current = read;
          setStale(generation.current !== read);
        },
        () => {
          if (current()) setResult({ ok: false, notBuilt: true, message: 'The preview could not be loaded. Reload the app (Ctrl+R) to try again.' });
        },
      )
      .finally(() => {
        building.current = false;
        if (again.current && alive.current) {
          again.current = false;
          if (visibleRef.current) rebuildNext.current();
        }
      });
  }, [readRef, visibleRef]);

  useEffect(() => {
    rebuildNext.current = rebuild;
  }, [rebuild]);

  const changed = useCallback(() => {
    generation.current++;
    // Hidden, nothing of it is on the screen, so nothing renders: `changed()` comes after every debounced edit and
    // with the page's first answers, and each state change here rendered the whole minutes page again (issue 16).
    // Showing it rebuilds it at once.
    if (!visibleRef.current) return;
    setStale(true);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(rebuild, PREVIEW_DEBOUNCE_MS);
  }, [rebuild, visibleRef]);

  useEffect(() => {
    if (!visible) return;
    // Changed while hidden: stale until the rebuild below (or the next one, when a section has not loaded yet) replaces it.
    if (built.current !== -1 && built.current !== generation.current) setStale(true);
    rebuild();
  }, [visible, rebuild]);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      if (timer.current) clearTimeout(timer.current);
      builder?.dispose();
      builder = null;
    };
  }, []);

  return { result, stale, changed, rebuild };
}
