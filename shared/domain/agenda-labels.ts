/**
 * The agenda's item kinds, their labels, and its numbering and timing rules, without a schema: the meeting page shows
 * and computes these with no zod (issue 16). agenda.ts builds its schemas on these lists and re-exports everything
 * here, so `shared/domain/agenda` stays the one place to import from elsewhere.
 */
export const AGENDA_ITEM_KINDS = ['information', 'discussion', 'decision', 'aob'] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];
export const AGENDA_ITEM_KIND_LABEL: Record<AgendaItemKind, string> = {
  information: 'Information',
  discussion: 'Discussion',
  decision: 'Decision',
  aob: 'Any other business',
};

interface Numberable {
  id: string;
  parentId: string | null;
  position: number;
}

/** Sorts items into agenda order (parents by position, each followed by its children) and numbers them 1, 2, 2.1. */
export function orderAndNumber<T extends Numberable>(items: readonly T[]): Array<T & { number: string }> {
  const byParent = new Map<string | null, T[]>();
  for (const it of items) {
    const key = it.parentId;
    const list = byParent.get(key) ?? [];
    list.push(it);
    byParent.set(key, list);
  }
  for (const list of byParent.values()) list.sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  const out: Array<T & { number: string }> = [];
  const walk = (parent: string | null, prefix: string) => {
    (byParent.get(parent) ?? []).forEach((it, i) => {
      const number = prefix ? `${prefix}.${i + 1}` : `${i + 1}`;
      out.push({ ...it, number });
      walk(it.id, number);
    });
  };
  walk(null, '');
  return out;
}

/** Planned time of an agenda: sub-items count toward their parent only when the parent plans no time itself. */
export function totalPlannedMinutes(items: readonly { id: string; parentId: string | null; plannedMinutes: number }[]): number {
  const childrenTotal = new Map<string, number>();
  for (const it of items) if (it.parentId) childrenTotal.set(it.parentId, (childrenTotal.get(it.parentId) ?? 0) + it.plannedMinutes);
  let total = 0;
  for (const it of items) {
    if (it.parentId !== null) continue;
    total += it.plannedMinutes > 0 ? it.plannedMinutes : (childrenTotal.get(it.id) ?? 0);
  }
  return total;
}
