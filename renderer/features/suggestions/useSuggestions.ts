import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Organisation } from '../../../shared/domain/members';
import { dismissalKey } from '../../../shared/suggestions/compile';
import type { SuggestedFlagReason, SuggestionContext, SuggestionKind } from '../../../shared/suggestions/types';
import type { LexicalEditor } from 'lexical';
import { api } from '../../api';
import type { FlagReason } from '../../../shared/domain/flags';
import { rangeStillHolds, wrapDomRangeInFlag } from './accept';
import { IncrementalBlockReader } from './blocks';
import { startEngine, type EngineClient } from './engine-client';
import type { FromEngine } from './engine-protocol';
import { changeHighlights, clearAllHighlights } from './highlights';
import { whenPaused, type IdleHandle } from './idle';
import { placeBlock, type TextBlock } from './map';
import { useLatest } from '../../ui/useLatest';

/**
 * One suggestion shown under a section, with its DOM range (for the underline and for "Flag"). A StaticRange: a live
 * Range in a highlight makes Chromium re-place every underline of the page after each keystroke; a static one is not
 * touched by typing (the block typed in is read again after the pause, and its underlines replaced).
 */
export interface SectionSuggestion {
  id: string;
  text: string;
  reason: string;
  kind: SuggestionKind;
  /** The flag reason proposed for it: personal data for names and contact details, commercially confidential… */
  flagReason: SuggestedFlagReason;
  range: StaticRange;
}

/** A live Range for a suggestion's static one (for "Flag"); null when its ends no longer fit the DOM. */
function liveRange(r: StaticRange): Range | null {
  try {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range;
  } catch {
    return null;
  }
}

/** What the page holds of one section: its blocks as last read (numbered) and the suggestions placed on them. */
interface SectionView {
  /** The section's reader (its editor's), which numbers and keeps its blocks; null before the first read. */
  reader: IncrementalBlockReader | null;
  blocks: ReadonlyMap<number, TextBlock<Text>>;
  placed: Map<number, SectionSuggestion[]>;
  generation: number;
  /** The page holds none of the section's suggestions although the engine may think it does (they were off). */
  resend: boolean;
  /** The engine holds none of the section's texts (it restarted): every block's text goes with the next run. */
  sendAll: boolean;
}

/**
 * The page's own time for suggestions (reading a section, placing the engine's answer), as User Timing measures named
 * `tfs-suggestions`: the bench observes them (npm run bench, typing). Cleared at once, so the timeline never grows.
 */
const MEASURE = 'tfs-suggestions';
function timed(started: number): void {
  try {
    performance.measure(MEASURE, { start: started });
    performance.clearMeasures(MEASURE);
  } catch {
    // no User Timing: nothing to report
  }
}

const newView = (): SectionView => ({ reader: null, blocks: new Map(), placed: new Map(), generation: 0, resend: false, sendAll: false });

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
 * onChange) reads the section's blocks once the officer pauses typing (1 s without a key, then an idle moment:
 * `whenPaused`, idle.ts; only the blocks that changed are read again) and sends
 * them, numbered, to the engine in a Web Worker (engine-client.ts); the engine answers with the blocks whose
 * suggestions changed, which are underlined (in the next pause too) with the CSS Custom Highlight API and listed under the section. The
 * page's own work per run is one pass over the section's block numbers plus the changed blocks. The editor's document
 * is never changed by a suggestion; only "Flag" (accept) changes it, by wrapping exactly the suggested text in a new flag.
 */
export function useSuggestions(o: SuggestionsOptions) {
  const [terms, setTermsState] = useState<string[]>([]);
  const [dismissed, setDismissed] = useState<string[]>([]);
  const [ready, setReady] = useState(false);
  const [bySection, setBySection] = useState<Record<string, SectionSuggestion[]>>({});
  const bySectionRef = useLatest(bySection);
  /**
   * The latest run's suggestions per section, with live ranges. The page's state is replaced only when the list
   * changes, but a re-render of the text (a flag made nearby, a save) gives the same suggestions new DOM ranges:
   * "Flag" must use these, not the ranges of the run that last changed the list.
   */
  const latest = useRef(new Map<string, SectionSuggestion[]>());
  const [error, setError] = useState<unknown>(null);
  const pending = useRef(new Map<string, IdleHandle>());
  const views = useRef(new Map<string, SectionView>());
  const signatures = useRef(new Map<string, string>());
  /** Each block read gets a number for the engine (across sections); a block's text never changes under its number. */
  const numbers = useRef({ next: 1 });
  /** One reader per mounted editor (a restored section mounts a new editor, which gets a new reader). */
  const readers = useRef(new WeakMap<LexicalEditor, IncrementalBlockReader>());
  const engine = useRef<EngineClient | null>(null);
  /** An editor has been on the page (the engine may start). */
  const editorsOn = useRef(false);
  const opts = useLatest(o);

  // The page's terms and dismissals, once an editor is on the page (as the engine; issue 16).
  const anyEditor = o.sectionKeys.length > 0;
  useEffect(() => {
    if (!anyEditor) return;
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
  }, [o.meetingId, anyEditor]);

  const context = useMemo<SuggestionContext>(
    () => ({
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
  const contextRef = useLatest(context);
  const dismissedRef = useLatest(dismissed);

  /**
   * Publishes a section's suggestions (in the order of its blocks) to the list, when they changed: the blocks that
   * hold suggestions, sorted by where they stand, not a pass over every block of the section.
   */
  const publish = useCallback((key: string, view: SectionView) => {
    const list: SectionSuggestion[] = [];
    const at = (id: number) => view.reader?.position(id) ?? Number.MAX_SAFE_INTEGER;
    for (const id of [...view.placed.keys()].sort((a, b) => at(a) - at(b))) for (const p of view.placed.get(id)!) list.push(p);
    latest.current.set(key, list);
    const sig = list.map((s) => `${s.id}\u0000${s.text}`).join('\n');
    if ((signatures.current.get(key) ?? '') === sig) return;
    signatures.current.set(key, sig);
    setBySection((m) => ({ ...m, [key]: list }));
  }, []);

  /** Takes a section's underlines and list down (suggestions off, editor gone). */
  const clearView = useCallback(
    (key: string, view: SectionView) => {
      changeHighlights([...view.placed.values()].flat().map((p) => p.range), []);
      view.placed.clear();
      view.resend = true;
      publish(key, view);
    },
    [publish],
  );

  /** Places one answer of the engine: the underlines of the blocks whose suggestions changed. */
  const place = useCallback(
    (m: Extract<FromEngine, { type: 'result' }>) => {
      const view = views.current.get(m.section);
      if (!view || m.changed.length === 0) return;
      const started = performance.now();
      const removed: StaticRange[] = [];
      const added: StaticRange[] = [];
      for (const [id, suggestions] of m.changed) {
        const block = view.blocks.get(id);
        if (!block) continue; // read again since: a newer answer comes
        for (const p of view.placed.get(id) ?? []) removed.push(p.range);
        const list: SectionSuggestion[] = [];
        for (const p of placeBlock(block, suggestions)) {
          try {
            const range = new StaticRange({ startContainer: p.from.node, startOffset: p.from.offset, endContainer: p.to.node, endOffset: p.to.offset });
            list.push({ id: `${m.section}:${id}:${p.start}:${p.end}`, text: p.text, reason: p.reason, kind: p.kind, flagReason: p.flagReason, range });
            added.push(range);
          } catch {
            // The DOM moved under us between reading and placing: this one waits for the next run.
          }
        }
        if (list.length > 0) view.placed.set(id, list);
        else view.placed.delete(id);
      }
      changeHighlights(removed, added);
      publish(m.section, view);
      timed(started);
    },
    [publish],
  );

  const run = useCallback(
    (key: string) => {
      pending.current.delete(key);
      const started = performance.now();
      let view = views.current.get(key);
      if (!view) {
        view = newView();
        views.current.set(key, view);
      }
      const editor = opts.current.getEditor(key);
      if (!editor || !opts.current.active) {
        clearView(key, view);
        if (!editor) {
          // The editor is gone: the engine forgets the section, and a new editor starts from nothing.
          engine.current?.send({ type: 'drop', section: key });
          views.current.set(key, newView());
        }
        return;
      }
      let reader = readers.current.get(editor);
      if (!reader) {
        reader = new IncrementalBlockReader(editor, () => numbers.current.next++);
        readers.current.set(editor, reader);
      }
      const removed: StaticRange[] = [];
      if (view.reader !== reader) {
        // A new editor of the section (a revision restored, words saved in another window shown, an editor mounted
        // again): the suggestions placed on the old one's text go with it — they would stay listed, on text that is
        // no longer on the page — and the engine answers for every block of the new one.
        for (const list of view.placed.values()) for (const p of list) removed.push(p.range);
        view.placed.clear();
        view.reader = reader;
        view.sendAll = true;
        view.resend = true;
      }
      const read = reader.read();
      const texts: Array<[number, string]> = view.sendAll ? [...read.byId].map(([id, b]) => [id, b.text]) : read.added.map(([id, b]) => [id, b.text]);
      // Blocks read again (edited, re-rendered) or gone: their underlines go now; the engine answers for the new ones.
      for (const id of read.removed) {
        for (const p of view.placed.get(id) ?? []) removed.push(p.range);
        view.placed.delete(id);
      }
      view.blocks = read.byId;
      view.generation++;
      engine.current?.send({ type: 'run', section: key, generation: view.generation, blocks: read.order, texts, resend: view.resend });
      view.resend = false;
      view.sendAll = false;
      if (removed.length > 0) {
        changeHighlights(removed, []);
        publish(key, view);
      }
      timed(started);
    },
    [opts, clearView, publish],
  );

  /** The engine's answers not yet placed: they wait for a pause in typing (idle.ts), as reading a section does. */
  const answers = useRef<Array<Extract<FromEngine, { type: 'result' }>>>([]);
  const placing = useRef<IdleHandle | null>(null);
  const onEngine = useCallback(
    (m: FromEngine) => {
      if (m.type === 'failed') {
        setError(new Error('The confidentiality suggestions could not read one section. Flag its passages by hand (Alt+Shift+F); the suggestions will try again after the next change.'));
        return;
      }
      answers.current.push(m);
      placing.current ??= whenPaused(() => {
        placing.current = null;
        const waiting = answers.current;
        answers.current = [];
        // A section typed in since is read first (its changed blocks get new numbers), so that nothing is placed on
        // text that has moved: the answers for blocks read again are skipped, newer ones follow.
        for (const key of new Set(waiting.map((a) => a.section))) {
          const due = pending.current.get(key);
          if (!due) continue;
          due.cancel();
          run(key);
        }
        for (const a of waiting) place(a);
      });
    },
    [place, run],
  );

  // The engine: started with the page, given the context when it is known and whenever it changes.
  useEffect(() => {
    const restart = () => {
      engine.current?.send({ type: 'context', context: contextRef.current });
      engine.current?.send({ type: 'dismissed', texts: dismissedRef.current });
      for (const [key, view] of views.current) {
        view.sendAll = true;
        view.resend = true;
        if (view.reader) run(key);
      }
    };
    const client = startEngine((m) => onEngine(m), restart);
    engine.current = client;
    if (editorsOn.current) client.start();
    return () => {
      client.dispose();
      engine.current = null;
    };
  }, [onEngine, run, contextRef, dismissedRef]);

  // The engine starts once an editor is on the page: the first one is editable first (engine-client.ts, issue 16).
  useEffect(() => {
    if (!anyEditor) return;
    editorsOn.current = true;
    engine.current?.start();
  }, [anyEditor]);

  useEffect(() => {
    if (ready) engine.current?.send({ type: 'context', context });
  }, [ready, context]);
  useEffect(() => {
    if (ready) engine.current?.send({ type: 'dismissed', texts: dismissed });
  }, [ready, dismissed]);

  const schedule = useCallback(
    (key: string) => {
      pending.current.get(key)?.cancel();
      pending.current.set(
        key,
        whenPaused(() => run(key)),
      );
    },
    [run],
  );

  // Every section once the context is known, and again whenever it changes (terms, dismissals, members).
  const keysSig = o.sectionKeys.join('|');
  useEffect(() => {
    if (!ready) return;
    for (const k of opts.current.sectionKeys) schedule(k);
  }, [ready, context, dismissed, keysSig, o.active, schedule, opts]);

  useEffect(
    () => () => {
      for (const h of pending.current.values()) h.cancel();
      pending.current.clear();
      placing.current?.cancel();
      placing.current = null;
      answers.current = [];
      clearAllHighlights();
    },
    [],
  );

  /** Takes one suggestion down at once (accepted or dismissed), before the engine's next answer. */
  const drop = (key: string, id: string) => {
    const view = views.current.get(key);
    if (view) {
      for (const [block, placed] of view.placed) {
        const gone = placed.filter((p) => p.id === id);
        if (gone.length === 0) continue;
        changeHighlights(
          gone.map((p) => p.range),
          [],
        );
        const rest = placed.filter((p) => p.id !== id);
        if (rest.length > 0) view.placed.set(block, rest);
        else view.placed.delete(block);
      }
    }
    latest.current.set(
      key,
      (latest.current.get(key) ?? []).filter((s) => s.id !== id),
    );
    setBySection((m) => ({ ...m, [key]: (m[key] ?? []).filter((s) => s.id !== id) }));
  };

  /** "Flag": make the flag record, then wrap exactly the suggested text in it. */
  const accept = useCallback(
    async (key: string, shown: SectionSuggestion) => {
      setError(null);
      const s = latest.current.get(key)?.find((x) => x.id === shown.id && x.text === shown.text) ?? shown;
      const editor = opts.current.getEditor(key);
      const range = liveRange(s.range);
      if (!editor || !range || !rangeStillHolds(editor, range, s.text)) {
        setError(new Error('That text has changed since it was suggested; the suggestions were refreshed. Flag it by selecting it if it still needs it.'));
        run(key);
        return;
      }
      try {
        const id = await opts.current.createFlag(key, s.text, s.flagReason);
        if (!wrapDomRangeInFlag(editor, range, id)) {
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
