import type { AgendaItem } from '../../../shared/domain/agenda';

/** Where a keyboard or drag gesture moves an item: the `agenda.move` input, or null when the gesture does nothing. */
export interface MoveTarget {
  id: string;
  parentId: string | null;
  index: number;
}

const siblingsOf = (agenda: AgendaItem[], parentId: string | null) => agenda.filter((i) => i.parentId === parentId);

export function keyboardMove(agenda: AgendaItem[], id: string, key: 'up' | 'down' | 'indent' | 'outdent'): MoveTarget | null {
  const item = agenda.find((i) => i.id === id);
  if (!item) return null;
  const sibs = siblingsOf(agenda, item.parentId);
  const idx = sibs.findIndex((s) => s.id === id);
  switch (key) {
    case 'up':
      return idx > 0 ? { id, parentId: item.parentId, index: idx - 1 } : null;
    case 'down':
      return idx < sibs.length - 1 ? { id, parentId: item.parentId, index: idx + 1 } : null;
    case 'indent': {
      if (item.parentId !== null || idx === 0) return null;
      if (agenda.some((i) => i.parentId === id)) return null; // items nest one level only
      const parent = sibs[idx - 1]!;
      return { id, parentId: parent.id, index: siblingsOf(agenda, parent.id).length };
    }
    case 'outdent': {
      if (item.parentId === null) return null;
      const top = siblingsOf(agenda, null);
      const parentIdx = top.findIndex((t) => t.id === item.parentId);
      return { id, parentId: null, index: parentIdx + 1 };
    }
  }
}

/** Dropping `dragId` on `targetId`: it takes the target's place (before it), or the place after it on the lower half. */
export function dropMove(agenda: AgendaItem[], dragId: string, targetId: string, after: boolean): MoveTarget | null {
  if (dragId === targetId) return null;
  const drag = agenda.find((i) => i.id === dragId);
  let target = agenda.find((i) => i.id === targetId);
  if (!drag || !target) return null;
  if (target.parentId === dragId) return null;
  // An item with sub-items stays at the top level: dropped on a sub-item, it goes next to that sub-item's parent.
  if (target.parentId !== null && agenda.some((i) => i.parentId === dragId)) {
    target = agenda.find((i) => i.id === target!.parentId)!;
    after = true;
  }
  const sibs = siblingsOf(agenda, target.parentId).filter((s) => s.id !== dragId);
  const idx = sibs.findIndex((s) => s.id === target.id);
  return { id: dragId, parentId: target.parentId, index: idx + (after ? 1 : 0) };
}
