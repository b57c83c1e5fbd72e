import type { AgendaItem } from '../../../shared/domain/agenda';

export interface OrderedSection {
  key: string;
  number: string;
  title: string;
  item?: AgendaItem;
}

/** Minutes sections in reading order: opening, the agenda items, closing, then any section no longer on the agenda. */
export function orderedSections(agenda: readonly AgendaItem[], sectionKeys: readonly string[]): OrderedSection[] {
  const out: OrderedSection[] = [];
  const seen = new Set<string>();
  const add = (s: OrderedSection) => {
    seen.add(s.key);
    out.push(s);
  };
  if (sectionKeys.includes('opening')) add({ key: 'opening', number: '', title: 'Opening' });
  for (const item of agenda) add({ key: item.id, number: item.number, title: item.title, item });
  if (sectionKeys.includes('closing')) add({ key: 'closing', number: '', title: 'Closing' });
  for (const k of [...sectionKeys].sort()) if (!seen.has(k)) add({ key: k, number: '', title: 'Notes on an item no longer on the agenda' });
  return out;
}
