import { MarkNode } from '@lexical/mark';
import {
  $applyNodeReplacement,
  $isRangeSelection,
  type BaseSelection,
  type DOMConversionMap,
  type DOMConversionOutput,
  type DOMExportOutput,
  type LexicalNode,
  type RangeSelection,
} from 'lexical';

/** Class carried by every rendered flag: hatched background + dotted underline (editor.css), never colour alone. */
export const FLAG_CLASS = 'tfs-flag';

/**
 * A confidentiality flag over inline content: an inline element (a MarkNode subclass, serialized as
 * `{ type: 'flag', ids: string[], children }`) carrying only the ids of the flag records kept in SQLite.
 *
 * Fail-safe rule, "when in doubt, stay flagged":
 * - text typed at either edge of the flag joins it. Lexical 0.52 always puts text typed at an inline element's edge
 *   outside it, so canInsertTextBefore/After are false (as for MarkNode): that makes Lexical refuse the browser's
 *   native insertion at the edges and route the keystroke through CONTROLLED_TEXT_INSERTION_COMMAND, where
 *   registerFlagTyping (flags.ts) puts the text inside the flag — also when the caret is reported just after it;
 * - insertNewAfter makes a flag with the same ids, so splitting a paragraph inside a flag leaves both halves flagged;
 * - extractWithChild is true whenever any flagged text is selected, so a partial copy carries the flag with it
 *   (MarkNode only keeps the mark when its whole text is copied), and excludeFromCopy is false for HTML as well,
 *   so a copy that travels as text/html keeps `data-flag-ids` and is read back as a flag by importDOM.
 * Overlaps are nested FlagNodes (or one FlagNode carrying several ids); a flag never spans blocks: one FlagNode per
 * block carries the same id.
 */
export class FlagNode extends MarkNode {
  override $config() {
    return this.config('flag', {
      extends: MarkNode,
      importDOM: {
        mark: (dom: HTMLElement) => (dom.hasAttribute('data-flag-ids') ? { conversion: $convertFlagElement, priority: 2 } : null),
        span: (dom: HTMLElement) => (dom.hasAttribute('data-flag-ids') ? { conversion: $convertFlagElement, priority: 2 } : null),
      } satisfies DOMConversionMap,
    });
  }

  override createDOM(): HTMLElement {
    const element = document.createElement('mark');
    element.className = FLAG_CLASS;
    applyIds(element, this.__ids);
    return element;
  }

  override updateDOM(prevNode: this, element: HTMLElement): boolean {
    if (prevNode.__ids.join(' ') !== this.__ids.join(' ')) applyIds(element, this.__ids);
    return false;
  }

  override exportDOM(): DOMExportOutput {
    const element = document.createElement('mark');
    element.className = FLAG_CLASS;
    element.setAttribute('data-flag-ids', this.getIDs().join(' '));
    return { element };
  }

  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): FlagNode {
    const flag = $createFlagNode(this.getIDs());
    this.insertAfter(flag, restoreSelection);
    return flag;
  }

  override canInsertTextBefore(): boolean {
    return false;
  }

  override canInsertTextAfter(): boolean {
    return false;
  }

  override extractWithChild(_child: LexicalNode, selection: BaseSelection, _destination: 'clone' | 'html'): boolean {
    return $isRangeSelection(selection);
  }

  override excludeFromCopy(): boolean {
    return false;
  }
}

function applyIds(element: HTMLElement, ids: readonly string[]): void {
  element.setAttribute('data-flag-ids', ids.join(' '));
  element.setAttribute('title', ids.length > 1 ? `Confidential (${ids.length} flags)` : 'Confidential');
}

function $convertFlagElement(dom: HTMLElement): DOMConversionOutput {
  const ids = (dom.getAttribute('data-flag-ids') ?? '').split(/\s+/).filter((s) => s.length > 0 && s.length <= 64);
  return { node: ids.length > 0 ? $createFlagNode(ids) : null };
}

export function $createFlagNode(ids: readonly string[]): FlagNode {
  return $applyNodeReplacement(new FlagNode([...new Set(ids)]));
}

export function $isFlagNode(node: LexicalNode | null | undefined): node is FlagNode {
  return node instanceof FlagNode;
}
