import { publicationStates } from '../../../shared/redaction/publication';
import { useEffect, useLayoutEffect, useRef, useState, type Dispatch, type MutableRefObject, type SetStateAction } from 'react';
import type { MeetingDetail } from '../../../shared/contract/core';
import type { MinutesOutline as MinutesState } from '../../../shared/contract/minutes';
import type { AgendaItem } from '../../../shared/domain/agenda';
import { emptyDoc } from '../../../shared/editor/doc-model';
import { api, openExternal } from '../../api';
import type { ChangeMeta, MinutesCallbacks, MinutesEditorHandle } from '../../editor';
import { useConfirm } from '../../ui/Dialog';
import type { ReportError } from '../../ui/errors';
import { SuggestionList } from '../suggestions/SuggestionList';
import type { useSuggestions } from '../suggestions/useSuggestions';
import type { AutosaveStatus } from './autosave';
import { sectionSaveView } from './saveState';
import { SectionBlock } from './SectionBlock';
import { SMALL_MEETING_CHARS } from './useMinutesData';
import { useLatest } from '../../ui/useLatest';
import { useClickedTextStays } from './useClickedTextStays';
import type { TypeAhead } from './useTypeAhead';

/**
 * The column of section editors, each with its heading, save state, publication switch and suggestions.
 *
 * An editor mounts once its section's content has loaded and, in a long meeting (SMALL_MEETING_CHARS), once the
 * section comes within a viewport's height of the screen (IntersectionObserver) or a jump asks for it; until then the
 * section shows a placeholder of about its height. A mounted editor stays mounted. Its content moves from `contents`
 * into the editor when it mounts, and back if it is ever taken down, so the page holds each section once.
 */
export function MinutesSections(props: {
  state: MinutesState;
  contents: MutableRefObject<Map<string, string>>;
  ready: ReadonlySet<string>;
  /** Sections whose content failed to load (tried again meanwhile). */
  failed: ReadonlySet<string>;
  /** Keys typed into sections whose editor has not come yet. */
  typeAhead: TypeAhead;
  /** Sections whose content is held as JSON text or in an editor (not packed): only these may mount an editor. */
  held: ReadonlySet<string>;
  near: ReadonlySet<string>;
  bringNear: (keys: readonly string[]) => void;
  agendaById: Map<string, AgendaItem>;
  editors: MutableRefObject<Map<string, MinutesEditorHandle>>;
  mountKeys: Record<string, number>;
  statuses: Record<string, AutosaveStatus>;
  /** A save of the section was refused (another window changed it) and its words kept: show it as it now stands. */
  onShowStored: (key: string) => void;
  /** Sections whose newer words, saved in another window, wait for the caret to leave them (useFollowSections). */
  newerElsewhere: ReadonlySet<string>;
  readOnly: boolean;
  sectionLabel: (key: string) => string;
  suggestions: ReturnType<typeof useSuggestions>;
  setDetail: Dispatch<SetStateAction<MeetingDetail | null>>;
  report: ReportError;
  onDirty: (key: string) => void;
  /** An editor is unmounting (its section far from view, or the page left): save what it has not saved yet. */
  onEditorGone: (key: string) => void;
  onMeta: (key: string, meta: ChangeMeta) => void;
  onFocusSection: (key: string) => void;
  onHistory: (key: string) => void;
  callbacks: (key: string) => MinutesCallbacks & { onFlagsUndone?: (ids: string[]) => void; isMeetingFlag?: (id: string) => boolean };
}) {
  const { state, agendaById, readOnly, suggestions, contents, editors, bringNear } = props;
  const [confirmDialog, ask] = useConfirm();
  const small = state.sections.reduce((n, s) => n + s.textLength, 0) < SMALL_MEETING_CHARS;
  const observer = useRef<IntersectionObserver | null>(null);
  const column = useRef<HTMLDivElement>(null);
  useClickedTextStays(column);
  useEffect(() => {
    if (small || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(
      (entries) => {
        const keys = entries.filter((e) => e.isIntersecting).map((e) => (e.target as HTMLElement).dataset.sectionKey!);
        if (keys.length) bringNear(keys);
      },
      { rootMargin: '100% 0px 100% 0px' },
    );
    observer.current = io;
    for (const el of document.querySelectorAll<HTMLElement>('#sections > [data-section-key]')) io.observe(el);
    return () => {
      io.disconnect();
      observer.current = null;
    };
  }, [small, bringNear, state.sections.length]);
  const { typed: typedAhead, waiting, typeInto, handedOver } = props.typeAhead;
  const { sections } = state;
  const { report } = props;
  // Keys kept from an earlier visit of these minutes (useTypeAhead): their sections are asked for, so that their editors
  // mount (in a long meeting, also far from view) and take them.
  useEffect(() => {
    if (waiting.current.size > 0) bringNear([...waiting.current.keys()]);
  }, [waiting, bringNear]);
  // Kept keys whose item has left the agenda since they were typed (removed in another window): no editor will take
  // them. The officer is shown them to copy where they belong, rather than their being lost or waiting for ever.
  useEffect(() => {
    for (const [key, text] of waiting.current) {
      if (sections.some((s) => s.key === key && s.kind !== 'orphan')) continue;
      handedOver(key);
      report('Putting in what you typed for an item since removed from the agenda', new Error(`It was: “${text}”. Copy it to where it belongs.`));
    }
  }, [sections, waiting, handedOver, report]);
  // Keys typed into a section whose editor has not mounted yet (typeAhead.ts), and the placeholder that had the focus
  // when its editor came: the editor takes both the moment it mounts, so no key falls in between. Typed there and then
  // left for another element, the keys are still typed in, and the focus stays where the officer put it.
  const placeholderFocus = useRef<string | null>(null);
  // In the commit that mounts the editor (a layout effect: before the browser handles another key), it takes them.
  useLayoutEffect(() => {
    for (const [key, typed] of waiting.current) {
      const h = editors.current.get(key);
      if (!h) continue;
      handedOver(key);
      const focus = placeholderFocus.current === key;
      if (focus) placeholderFocus.current = null;
      h.typeAtEnd(typed, focus);
      // The editor's own change listener may not listen yet (its plugins register after this): told here, the
      // autosave saves these words as any typing, and the records, preview and suggestions see them.
      props.onDirty(key);
      props.onMeta(key, h.getMeta());
    }
    const key = placeholderFocus.current;
    const h = key === null ? undefined : editors.current.get(key);
    if (h) {
      placeholderFocus.current = null;
      h.focus();
    }
  });
  // One stable ref callback per section (an inline one would be detached and attached again on every render).
  const [refs] = useState(() => new Map<string, (h: MinutesEditorHandle | null) => void>());
  const editorGone = useLatest(props.onEditorGone); // the ref callbacks are made once
  const refOf = (key: string) => {
    let r = refs.get(key);
    if (!r) {
      r = (h) => {
        if (h) {
          editors.current.set(key, h);
          contents.current.delete(key); // the editor holds it now
        } else {
          const gone = editors.current.get(key);
          if (gone) {
            contents.current.set(key, JSON.stringify(gone.getContent())); // back where the page can read it
            // Its unsaved words are read for saving now, while its handle is still here: the page's own clean-up
            // (leaving the minutes) runs after every editor is gone.
            editorGone.current(key);
          }
          editors.current.delete(key);
        }
      };
      refs.set(key, r);
    }
    return r;
  };
  /** A placeholder got the focus (a click, Tab, a jump): its editor is asked for, and takes the focus when it comes. */
  function placeholderFocused(key: string) {
    placeholderFocus.current = key;
    bringNear([key]);
  }
  /** The focus left a placeholder for another element: its editor, when it comes, leaves the focus where it is now. */
  function placeholderBlurred(key: string, toOther: boolean) {
    if (toOther && placeholderFocus.current === key) placeholderFocus.current = null;
  }

  const mounted = (key: string) => props.ready.has(key) && props.held.has(key) && (small || props.near.has(key) || typeof IntersectionObserver === 'undefined');
  // One rule of withholding (shared/redaction): sub-items of withheld items and items with an unknown parent included.
  const publication = publicationStates([...agendaById.values()]);
  const withheld = (key: string) => (publication.get(key) ?? 'published') !== 'published';

  /** Withhold or publish a whole item: shown at once, put back if the backend refuses. */
  const setPublication = async (itemId: string, forPublication: boolean) => {
    const mark = (value: boolean) => props.setDetail((d) => (d ? { ...d, agenda: d.agenda.map((a) => (a.id === itemId ? { ...a, forPublication: value } : a)) } : d));
    mark(forPublication);
    try {
      const agenda = await api.call('agenda.update', { id: itemId, forPublication });
      props.setDetail((d) => (d ? { ...d, agenda } : d));
    } catch (e) {
      mark(!forPublication);
      props.report('Changing whether the item is published', e);
    }
  };

  const openLink = async (url: string) => {
    if (await ask({ title: 'Open this link?', message: `It opens in your web browser: ${url}`, confirm: 'Open in browser' })) void openExternal(url);
  };

  return (
    <div className="sections" id="sections" ref={column}>
      {state.sections.map((s) => {
        const item = agendaById.get(s.key);
        const orphan = s.kind === 'orphan';
        return (
          <SectionBlock
            key={s.key}
            ref={refOf(s.key)}
            mountKey={`${s.key}:${props.mountKeys[s.key] ?? 0}`}
            section={s}
            mounted={mounted(s.key)}
            loaded={props.ready.has(s.key)}
            loadFailed={props.failed.has(s.key)}
            initialContent={() => contents.current.get(s.key) ?? editors.current.get(s.key)?.getContent() ?? emptyDoc()}
            onNeeded={() => placeholderFocused(s.key)}
            onPlaceholderBlur={(toOther) => placeholderBlurred(s.key, toOther)}
            typed={typedAhead.get(s.key)}
            onTypeAhead={readOnly || orphan ? undefined : (typed) => typeInto(s.key, typed)}
            current={state.live.currentSection === s.key}
            plannedMinutes={item?.plannedMinutes ?? 0}
            withheld={withheld(s.key)}
            publication={
              s.kind === 'item' && item
                ? {
                    published: item.forPublication,
                    withParent: publication.get(s.key) === 'withheld_with_parent',
                    locked: readOnly,
                    onToggle: (next) => void setPublication(s.key, next),
                  }
                : undefined
            }
            readOnly={readOnly || orphan}
            save={sectionSaveView(props.statuses[s.key], { approved: readOnly, orphan })}
            newerElsewhere={props.newerElsewhere.has(s.key)}
            onShowStored={
              props.statuses[s.key]?.errorCode === 'conflict' && props.statuses[s.key]?.errorKept === 'history' ? () => props.onShowStored(s.key) : undefined
            }
            onDirty={() => props.onDirty(s.key)}
            onChange={(meta) => props.onMeta(s.key, meta)}
            footer={
              !readOnly &&
              !orphan && (
                <SuggestionList
                  label={props.sectionLabel(s.key)}
                  items={suggestions.bySection[s.key] ?? []}
                  onAccept={(x) => void suggestions.accept(s.key, x)}
                  onDismiss={(x) => void suggestions.dismiss(s.key, x)}
                  onDismissAll={() => void suggestions.dismissAll(s.key)}
                />
              )
            }
            onFocus={() => props.onFocusSection(s.key)}
            onHistory={() => props.onHistory(s.key)}
            onOpenLink={(url) => void openLink(url)}
            callbacks={props.callbacks(s.key)}
          />
        );
      })}
      {confirmDialog}
    </div>
  );
}
