/**
 * Which agenda items are published: the rule of withholding, with no schema and no reader of stored minutes, so that a
 * page can show each item's publication without loading the redaction (issue 16). redact.ts re-exports it.
 */
import type { RedactionAgendaItem } from './redact';

export const OPENING_KEY = 'opening';
export const CLOSING_KEY = 'closing';

/**
 * The one rule of withholding: an item is withheld when it is not for publication, listed as withheld, a sub-item of
 * a withheld item, or its parent is unknown (or the parents form a cycle): withhold rather than guess. Also
 * 'opening' / 'closing' when listed. The agenda service uses it to keep a sub-item withheld when it leaves its parent.
 */
export function withheldItems(
  agenda: ReadonlyArray<Pick<RedactionAgendaItem, 'id' | 'parentId' | 'forPublication'>>,
  withheldItemIds: readonly string[] = [],
): Set<string> {
  const input = { agenda, withheldItemIds };
  const explicit = new Set(input.withheldItemIds ?? []);
  const byId = new Map(input.agenda.map((it) => [it.id, it]));
  const out = new Set<string>([OPENING_KEY, CLOSING_KEY].filter((k) => explicit.has(k)));
  const isWithheld = (it: Pick<RedactionAgendaItem, 'id' | 'parentId' | 'forPublication'>, seen: number): boolean => {
    if (!it.forPublication || explicit.has(it.id)) return true;
    if (it.parentId === null) return false;
    const parent = byId.get(it.parentId);
    // An unknown parent (or a cycle) cannot be judged: withhold rather than guess.
    return parent === undefined || seen > byId.size || isWithheld(parent, seen + 1);
  };
  for (const it of input.agenda) if (isWithheld(it, 0)) out.add(it.id);
  return out;
}

export type PublicationState = 'published' | 'withheld' | 'withheld_with_parent';

/** Each agenda item's publication as the officer sees it: published, withheld itself, or withheld with its parent. */
export function publicationStates(agenda: ReadonlyArray<Pick<RedactionAgendaItem, 'id' | 'parentId' | 'forPublication'>>): Map<string, PublicationState> {
  const withheld = withheldItems(agenda);
  return new Map(agenda.map((it) => [it.id, !withheld.has(it.id) ? 'published' : it.forPublication ? 'withheld_with_parent' : 'withheld']));
}

