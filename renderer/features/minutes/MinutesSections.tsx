import { publicationStates } from '../../../shared/redaction/redact';
import type { Dispatch, MutableRefObject, SetStateAction } from 'react';
import type { MeetingDetail } from '../../../shared/contract/core';
import type { MinutesState } from '../../../shared/contract/minutes';
import type { AgendaItem } from '../../../shared/domain/agenda';
import { api, openExternal } from '../../api';
import type { ChangeMeta, MinutesCallbacks, MinutesEditorHandle } from '../../editor';
import { useConfirm } from '../../ui/Dialog';
import type { ReportError } from '../../ui/errors';
import { SuggestionList } from '../suggestions/SuggestionList';
import type { useSuggestions } from '../suggestions/useSuggestions';
import type { AutosaveStatus } from './autosave';
import { sectionSaveView } from './saveState';
import { SectionBlock } from './SectionBlock';

/** The column of section editors, each with its heading, save state, publication switch and suggestions. */
export function MinutesSections(props: {
  state: MinutesState;
  agendaById: Map<string, AgendaItem>;
  editors: MutableRefObject<Map<string, MinutesEditorHandle>>;
  mountKeys: Record<string, number>;
  statuses: Record<string, AutosaveStatus>;
  readOnly: boolean;
  sectionLabel: (key: string) => string;
  suggestions: ReturnType<typeof useSuggestions>;
  setDetail: Dispatch<SetStateAction<MeetingDetail | null>>;
  report: ReportError;
  onDirty: (key: string) => void;
  onMeta: (key: string, meta: ChangeMeta) => void;
  onFocusSection: (key: string) => void;
  onHistory: (key: string) => void;
  callbacks: (key: string) => MinutesCallbacks & { onFlagsUndone?: (ids: string[]) => void };
}) {
  const { state, agendaById, readOnly, suggestions } = props;
  const [confirmDialog, ask] = useConfirm();
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
    <div className="sections" id="sections">
      {state.sections.map((s) => {
        const item = agendaById.get(s.key);
        const orphan = s.kind === 'orphan';
        return (
          <SectionBlock
            key={s.key}
            ref={(h) => {
              if (h) props.editors.current.set(s.key, h);
              else props.editors.current.delete(s.key);
            }}
            mountKey={`${s.key}:${props.mountKeys[s.key] ?? 0}`}
            section={s}
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
