import { withheldItems } from '../../../shared/redaction/publication';
import type { ExportData } from './types';

/** The heading of an item not for publication on the agenda of a meeting that leaves such items out ('omit'). */
export const AGENDA_OMITTED_TITLE = 'Item not for publication';

/** What the agenda prints of one item (its number, time and kind aside): one source for the builder and the refusals. */
export interface PrintedAgendaItem {
  item: ExportData['agenda'][number];
  /** Not for publication (the one rule of withholding): only its number, time, this title and "Not published.". */
  withheld: boolean;
  title: string;
  presenter: string;
  description: string;
  documents: ExportData['agenda'][number]['documents'];
}

/**
 * Each agenda item as the agenda prints it. The agenda is circulated to every member organisation and may be
 * published: an item not for publication (withheld, by shared/redaction/publication.ts: its sub-items too, and an
 * item whose parent is unknown) prints nothing typed for it but what the meeting's display of withheld items
 * publishes: its title ('title_only') or not even that ('omit'). Never its description, presenter or documents.
 * No docx here: the export service reads it at start-up cost nil (the builders load with the first export).
 */
export function printedAgenda(data: Pick<ExportData, 'agenda' | 'withheldItemIds' | 'meeting'>): PrintedAgendaItem[] {
  const withheld = withheldItems(data.agenda, data.withheldItemIds);
  return data.agenda.map((item) =>
    withheld.has(item.id)
      ? { item, withheld: true, title: data.meeting.withheldDisplay === 'omit' ? AGENDA_OMITTED_TITLE : item.title, presenter: '', description: '', documents: [] }
      : { item, withheld: false, title: item.title, presenter: item.presenter, description: item.description, documents: item.documents },
  );
}
