import { $unwrapMarkNode, $wrapSelectionInMarkNode } from '@lexical/mark';
import { $dfs } from '@lexical/utils';
import { $getRoot, $getSelection, $isRangeSelection, type LexicalNode } from 'lexical';
import { $createFlagNode, $isFlagNode, type FlagNode } from './nodes/FlagNode';

export interface FlagExcerpt {
  id: string;
  excerpt: string;
}

/** Longest excerpt reported per flag (the full text stays in the document). */
export const FLAG_EXCERPT_MAX = 280;

/**
 * Wraps the current range selection in flag `id`, across blocks: one FlagNode per block (and per run of inline content
 * between line breaks), each carrying `id`. Text already inside another flag gets a nested FlagNode, so overlaps keep
 * both ids. A link only partly selected is flagged whole ("when in doubt, stay flagged").
 * Returns false (and changes nothing) when there is no non-empty range selection.
 */
export function $wrapSelectionInFlag(id: string): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || selection.isCollapsed()) return false;
  if (selection.getTextContent().length === 0) return false;
  $wrapSelectionInMarkNode(selection, selection.isBackward(), id, (ids) => $createFlagNode(ids));
  return true;
}

/** Removes flag `id` everywhere: a FlagNode carrying only `id` is unwrapped, one carrying others just loses `id`. */
export function $removeFlag(id: string): number {
  let touched = 0;
  for (const flag of $allFlagNodes()) {
    if (!flag.isAttached() || !flag.hasID(id)) continue;
    touched++;
    if (flag.getIDs().length > 1) flag.deleteID(id);
    else $unwrapMarkNode(flag);
  }
  return touched;
}

/**
 * The flag ids present in the document, in document order, each with its text (all its FlagNodes' text, joined with
 * " … ", shortened to FLAG_EXCERPT_MAX). This is what the page hands to flags.sync.
 */
export function $collectFlagIds(): FlagExcerpt[] {
  const texts = new Map<string, string[]>();
  for (const flag of $allFlagNodes()) {
    const text = flag.getTextContent();
    for (const id of flag.getIDs()) {
      const parts = texts.get(id) ?? [];
      parts.push(text);
      texts.set(id, parts);
    }
  }
  return [...texts].map(([id, parts]) => ({ id, excerpt: shorten(parts.join(' … ')) }));
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= FLAG_EXCERPT_MAX ? flat : `${flat.slice(0, FLAG_EXCERPT_MAX - 1)}…`;
}

function $allFlagNodes(): FlagNode[] {
  return $dfs($getRoot())
    .map((entry) => entry.node)
    .filter((node: LexicalNode): node is FlagNode => $isFlagNode(node));
}
