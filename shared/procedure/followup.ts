import type { AgendaItem } from '../domain/agenda';
import type { ActionItem } from '../domain/decisions';

/** An open action is overdue once its due date has passed (the due day itself is still in time). */
export function isOverdue(a: Pick<ActionItem, 'status' | 'dueDate'>, today: string): boolean {
  return a.status === 'open' && a.dueDate !== '' && a.dueDate < today.slice(0, 10);
}

export const FOLLOW_UP_TITLE = 'Follow-up of actions';

export interface AgendaWarning {
  itemId: string;
  message: string;
}

/**
 * What the secretariat should look at before circulating an agenda. Competition law: an "any other business" item
 * with no described content invites unplanned exchanges between competitors, so it draws a warning.
 */
export function agendaWarnings(agenda: readonly Pick<AgendaItem, 'id' | 'number' | 'title' | 'kind' | 'description'>[]): AgendaWarning[] {
  return agenda
    .filter((i) => i.kind === 'aob' && i.description.trim() === '')
    .map((i) => ({
      itemId: i.id,
      message: `Item ${i.number} “${i.title}” has no described content. Under EU competition law, list the points to be raised (or remove the item) before circulating the agenda.`,
    }));
}
