/**
 * Keys typed into a section whose editor is not on the page yet (its text still loading, in the first moments after the
 * minutes open or after a jump to it): kept, shown in its place, and typed into the editor the moment it mounts
 * (MinutesSections), so that not one key is lost. What is kept is plain text: characters, Enter as a new paragraph,
 * Backspace taking back the last one. Shortcuts (Ctrl, Alt, Meta), Tab and keys of an input method are left alone.
 */
export interface TypedKey {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  isComposing?: boolean;
}

/** The text kept after `e`, or null when the key is not one to keep (its default action then happens as usual). */
export function typeAhead(kept: string, e: TypedKey): string | null {
  if (e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return null;
  if (e.key === 'Enter') return `${kept}\n`;
  if (e.key === 'Backspace') return kept ? [...kept].slice(0, -1).join('') : null;
  return [...e.key].length === 1 ? kept + e.key : null;
}

