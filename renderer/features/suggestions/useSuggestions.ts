import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Organisation } from '../../../shared/domain/members';
import { compileContext, dismissalKey, engineLoaded, loadEngine, warmUp, withDismissed, type CompiledContext, type SuggestedFlagReason, type SuggestionKind } from './lazy-engine';
import type { LexicalEditor } from 'lexical';
import { api } from '../../api';
import type { FlagReason } from '../../../shared/domain/flags';
import { rangeStillHolds, wrapDomRangeInFlag } from './accept';
import { IncrementalBlockReader } from './blocks';
import { clearAllHighlights, setSectionHighlights } from './highlights';
import { placeSuggestionsWithin, SuggestionCache } from './map';
import { useLatest } from '../../ui/useLatest';

/** One suggestion shown under a section, with its live DOM range (for the underline and for "Flag"). */
export interface SectionSuggestion {
  id: string;
  text: string;
  reason: string;
  kind: SuggestionKind;
  /** The flag reason proposed for it: personal data for names and contact details, commercially confidential… */
  flagReason: SuggestedFlagReason;
  range: Range;
}

/** How long the browser may wait for an idle moment before the suggestions run anyway. */
const IDLE_TIMEOUT_MS = 1500;

/** How long after the first editor is on the page the engine's chunk starts loading (in the next idle moment). */
const ENGINE_DELAY_MS = 800;

/** Longest slice of engine work per idle callback when the engine has blocks it has not seen (first run, paste). */
const SLICE_MS = 12;

type IdleHandle = { cancel: () => void };
type IdleDeadline = { timeRemaining: () => number };
function whenIdle(fn: (deadline: IdleDeadline) => void): IdleHandle {
  const w = window as Window & { requestIdleCallback?: (cb: (d: IdleDeadline) => void, o?: { timeout: number }) => number; cancelIdleCallback?: (h: number) => void };
  if (w.requestIdleCallback && w.cancelIdleCallback) {
    const h = w.requestIdleCallback(fn, { timeout: IDLE_TIMEOUT_MS });
    return { cancel: () => w.cancelIdleCallback(h) };
  }
  const t = setTimeout(() => fn({ timeRemaining: () => SLICE_MS }), 50);
  return { cancel: () => clearTimeout(t) };
}

export interface SuggestionsOptions {
  meetingId: string;
  members: Organisation[];
  /** The meeting date, YYYY-MM-DD (dates before it are history, not plans). */
  referenceDate: string;
  /** False when the minutes are read-only: no suggestions are made. */
  active: boolean;
  sectionKeys: readonly string[];
  getEditor: (sectionKey: string) => LexicalEditor | undefined;
  /**
   * Creates the flag record for an accepted suggestion and resolves its id (the page keeps its flag list). `reason`
   * is the flag reason the suggestion proposes (from its kind); a page may ignore it and use the default.
   */
  createFlag: (sectionKey: string, excerpt: string, reason: FlagReason) => Promise<string>;
}

/**
 * Confidentiality suggestions as you type, kept off the typing path: `schedule(key)` (after a section's debounced
 * onChange) runs the engine in an idle callback on each block of that section, then underlines the findings with the
 * CSS Custom Highlight API and lists them under the section. The editor's document is never changed by a suggestion;
 * only "Flag" (accept) changes it, by wrapping exactly the suggested text in a new flag.
 */
export function useSuggestions(o: SuggestionsOptions) {
  const [terms, setTermsState] = useState<string[]>([]);
  const [dismissed, setDismissed] = useState<string[]>([]);
  const [ready, setReady] = useState(false);
  const [bySection, setBySection] = useState<Record<string, SectionSuggestion[]>>({});
  const bySectionRef = useLatest(bySection);
  /**
   * The latest run's suggestions per section, with live ranges. The page's state is replaced only when the list
   * changes (most runs find the same suggestions), but a re-render of the text (a flag made nearby, a save) gives the
   * same suggestions new DOM ranges: "Flag" must use these, not the ranges of the run that last changed the list.
   */
  const latest = useRef(new Map<string, SectionSuggestion[]>());
  const [error, setError] = useState<unknown>(null);
  const pending = useRef(new Map<string, IdleHandle>());
  const cache = useRef(new SuggestionCache());
  const signatures = useRef(new Map<string, string>());
  /** One reader per mounted editor (a restored section mounts a new editor, which gets a new reader). */
  const readers = useRef(new WeakMap<LexicalEditor, IncrementalBlockReader>());
  const opts = useLatest(o);

  // The engine's chunk (winkNLP and its model, lazy-engine.ts) loads once an editor is on the page and suggestions are
  // on, in an idle moment a little later (the first editor is editable first); then the model is read in the next idle
  // moment (issue 16). With suggestions off it is not loaded at all.
  const [engineReady, setEngineReady] = useState(engineLoaded);
  const wanted = o.active && o.sectionKeys.length > 0;
  useEffect(() => {
    if (engineReady || !wanted) return;
    let alive = true;
    let idle: IdleHandle | null = null;
    const timer = setTimeout(() => {
      idle = whenIdle(() => {
        loadEngine().then(
          () => {
            if (!alive) return;
            setEngineReady(true);
            idle = whenIdle(() => warmUp());
          },
          (e) => alive && setError(e),
        );
      });
    }, ENGINE_DELAY_MS);
    return () => {
      alive = false;
      clearTimeout(timer);
      idle?.cancel();
    };
  }, [engineReady, wanted]);

  useEffect(() => {
    let alive = true;
    Promise.all([api.call('terms.list', {}), api.call('flags.dismissedSuggestions', { meetingId: o.meetingId })]).then(
      ([t, d]) => {
        if (!alive) return;
        setTermsState(t.terms);
        setDismissed(d.texts);
        setReady(true);
      },
      (e) => {
        if (!alive) return;
        setError(e);
        setReady(true); // suggestions still run from members and people
      },
    );
    return () => {
      alive = false;
    };
  }, [o.meetingId]);

  const base = useMemo<CompiledContext>(
    () =>
      compileContext({
        organisations: o.members.map((m) => ({
          name: m.name,
          shortName: m.shortName,
          isMember: m.isMember,
          representatives: m.representatives.map((r) => r.name),
        })),
        people: o.members.flatMap((m) => m.representatives.map((r) => r.name)),
        sensitiveTerms: terms,
        dismissed: [],
        referenceDate: o.referenceDate,
      }),
    [o.members, terms, o.referenceDate],
  );
  const context = useMemo(() => withDismissed(base, dismissed), [base, dismissed]);
  const contextRef = useLatest(context);

  const run = useCallback(function runSection(key: string, deadline?: IdleDeadline) {
    pending.current.delete(key);
    if (!engineLoaded()) return; // every section runs once it has loaded (the effect below)
    const editor = opts.current.getEditor(key);
    if (!editor || !opts.current.active) {
      setSectionHighlights(key, []);
      latest.current.delete(key);
      signatures.current.delete(key);
      setBySection((m) => (m[key] ? { ...m, [key]: [] } : m));
      return;
    }
    let reader = readers.current.get(editor);
    if (!reader) {
      reader = new IncrementalBlockReader(editor);
      readers.current.set(editor, reader);
    }
    // Blocks the engine has not seen yet are read in slices of idle time; the rest comes from the cache.
    const started = performance.now();
    const budget = Math.max(4, Math.min(SLICE_MS, deadline ? deadline.timeRemaining() : SLICE_MS));
    const { placed, complete } = placeSuggestionsWithin(reader.read(), contextRef.current, cache.current, () => performance.now() - started > budget);
    if (!complete) {
      // Show what is known so far and go on in the next idle moment.
      pending.current.set(
        key,
        whenIdle((d) => runSection(key, d)),
      );
    }
    const list: SectionSuggestion[] = [];
    for (const p of placed) {
      try {
        const range = document.createRange();
        range.setStart(p.from.node, p.from.offset);
        range.setEnd(p.to.node, p.to.offset);
        list.push({ id: `${key}:${p.block}:${p.start}:${p.end}`, text: p.text, reason: p.reason, kind: p.kind, flagReason: p.flagReason, range });
      } catch {
        // The DOM moved under us between reading and placing: this one waits for the next run.
      }
    }
    latest.current.set(key, list);
    setSectionHighlights(
      key,
      list.map((s) => s.range),
    );
    // Re-render the page only when the section's suggestions changed (most keystrokes change none of them).
    const sig = list.map((s) => `${s.id}\u0000${s.text}`).join('\n');
    if (signatures.current.get(key) === sig) return;
    signatures.current.set(key, sig);
    setBySection((m) => ({ ...m, [key]: list }));
  }, [contextRef, opts]);

  const schedule = useCallback(
    (key: string) => {
      pending.current.get(key)?.cancel();
      pending.current.set(
        key,
        whenIdle((d) => run(key, d)),
      );
    },
    [run],
  );

  // Every section once the context is known, and again whenever it changes (terms, dismissals, members).
  const keysSig = o.sectionKeys.join('|');
  useEffect(() => {
    if (!ready || !engineReady) return;
    for (const k of opts.current.sectionKeys) schedule(k);
  }, [ready, engineReady, context, keysSig, o.active, schedule, opts]);

  useEffect(
    () => () => {
      for (const h of pending.current.values()) h.cancel();
      pending.current.clear();
      clearAllHighlights();
    },
    [],
  );

  const drop = (key: string, id: string) => {
    const live = (latest.current.get(key) ?? []).filter((s) => s.id !== id);
    latest.current.set(key, live);
    setSectionHighlights(
      key,
      live.map((s) => s.range),
    );
    setBySection((m) => ({ ...m, [key]: (m[key] ?? []).filter((s) => s.id !== id) }));
  };

  /** "Flag": make the flag record, then wrap exactly the suggested text in it. */
  const accept = useCallback(
    async (key: string, shown: SectionSuggestion) => {
      setError(null);
      const s = latest.current.get(key)?.find((x) => x.id === shown.id && x.text === shown.text) ?? shown;
      const editor = opts.current.getEditor(key);
      if (!editor || !rangeStillHolds(editor, s.range, s.text)) {
        setError(new Error('That text has changed since it was suggested; the suggestions were refreshed. Flag it by selecting it if it still needs it.'));
        run(key);
        return;
      }
      try {
        const id = await opts.current.createFlag(key, s.text, s.flagReason);
        if (!wrapDomRangeInFlag(editor, s.range, id)) {
          setError(new Error('The text changed while the flag was being made; select it and flag it again (Alt+Shift+F).'));
          run(key);
          return;
        }
        drop(key, s.id);
      } catch (e) {
        setError(e);
      }
    },
    [run, opts],
  );

  /** "Dismiss": never suggest this text again in this meeting. */
  const dismiss = useCallback(
    async (key: string, s: SectionSuggestion) => {
      setError(null);
      drop(key, s.id);
      const text = s.text.replace(/\s+/g, ' ').trim().slice(0, 500);
      setDismissed((d) => (d.some((x) => dismissalKey(x) === dismissalKey(s.text)) ? d : [...d, s.text]));
      try {
        const r = await api.call('flags.dismissSuggestion', { meetingId: opts.current.meetingId, text });
        // Keep texts too long to be stored for this session too.
        setDismissed((d) => [...new Set([...r.texts, ...d])]);
      } catch (e) {
        setError(e);
      }
    },
    [opts],
  );

  /** "Dismiss all" for one section (e.g. after a big paste): each text is never suggested again in this meeting. */
  const dismissAll = useCallback(
    async (key: string) => {
      for (const s of bySectionRef.current[key] ?? []) await dismiss(key, s);
    },
    [dismiss, bySectionRef],
  );

  const setTerms = useCallback(async (next: string[]) => {
    const r = await api.call('terms.set', { terms: next });
    setTermsState(r.terms);
    return r.terms;
  }, []);

  return { bySection, schedule, accept, dismiss, dismissAll, terms, setTerms, error, clearError: () => setError(null) };
}
