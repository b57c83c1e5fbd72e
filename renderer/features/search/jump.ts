import { navigate } from '../../app/router';

/** Where a search result points: a section of a meeting's minutes, and the words to select there. */
export interface JumpTarget {
  meetingId: string;
  sectionKey: string;
  /** The passage as the snippet shows it (to find the right block when a word occurs more than once). */
  passage: string;
  hits: string[];
}

let pending: JumpTarget | null = null;
let timer: number | null = null;

const HIGHLIGHT = 'search-hit';

/**
 * Opens the meeting's minutes and, once the section's editor is on screen, scrolls to the passage and selects the
 * first matched words (the editor keeps the selection, so typing continues there). The minutes page needs no
 * knowledge of search: the section is found by its data-section-key and the text in its editor's DOM.
 */
export function jumpTo(target: JumpTarget): void {
  pending = target;
  navigate({ name: 'minutes', id: target.meetingId });
  schedule();
}

function schedule() {
  if (timer !== null) window.clearInterval(timer);
  const started = Date.now();
  timer = window.setInterval(() => {
    if (!pending || Date.now() - started > 15_000) return stop();
    if (tryJump(pending)) stop();
  }, 100);
}

function stop() {
  if (timer !== null) window.clearInterval(timer);
  timer = null;
  pending = null;
}

function tryJump(t: JumpTarget): boolean {
  if (!window.location.hash.startsWith(`#/meetings/${t.meetingId}/minutes`)) return false;
  const section = document.querySelector<HTMLElement>(`[data-section-key="${CSS.escape(t.sectionKey)}"]`);
  const editable = section?.querySelector<HTMLElement>('[contenteditable]');
  if (!section) return false;
  if (!editable) {
    // A long meeting mounts an editor near the viewport only: bring the section there and ask for its editor.
    section.scrollIntoView({ block: 'start' });
    section.querySelector<HTMLElement>('.section-placeholder')?.focus({ preventScroll: true });
    return false;
  }
  const range = findRange(editable, t);
  section.scrollIntoView({ block: 'start' });
  if (!range) return true;
  editable.focus();
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
  (range.startContainer.parentElement ?? section).scrollIntoView({ block: 'center' });
  // A visible mark that does not touch the editor's content (CSS Custom Highlight API where available).
  const registry = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
  const HighlightCtor = (window as unknown as { Highlight?: new (r: Range) => unknown }).Highlight;
  if (registry && HighlightCtor) {
    registry.set(HIGHLIGHT, new HighlightCtor(range.cloneRange()));
    window.setTimeout(() => registry.delete(HIGHLIGHT), 4000);
  }
  return true;
}

/** Text nodes of the editor in order, with their start offsets in the concatenated text. */
function textIndex(root: HTMLElement): { text: string; nodes: Array<{ node: Text; start: number }> } {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Array<{ node: Text; start: number }> = [];
  let text = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push({ node: n as Text, start: text.length });
    text += (n as Text).data;
  }
  return { text, nodes };
}

function position(nodes: Array<{ node: Text; start: number }>, offset: number): { node: Text; offset: number } | null {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i]!;
    if (n.start <= offset) return { node: n.node, offset: Math.min(offset - n.start, n.node.data.length) };
  }
  return null;
}

function findRange(root: HTMLElement, t: JumpTarget): Range | null {
  const { text, nodes } = textIndex(root);
  const hit = t.hits[0];
  if (!hit) return null;
  const lower = text.toLowerCase();
  // The passage's longest line narrows down where to look; then the first hit inside it.
  const line = t.passage
    .split('\n')
    .map((s) => s.trim())
    .sort((a, b) => b.length - a.length)[0];
  const near = line ? lower.indexOf(line.toLowerCase()) : -1;
  let at = lower.indexOf(hit.toLowerCase(), Math.max(0, near));
  if (at === -1) at = lower.indexOf(hit.toLowerCase());
  if (at === -1) return null;
  const a = position(nodes, at);
  const b = position(nodes, at + hit.length);
  if (!a || !b) return null;
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}
