/**
 * Keyboard shortcuts of the minutes editor, chosen not to collide with Chromium/Electron defaults:
 * - Ctrl+Shift+T (reopen tab), Ctrl+Shift+N/W/Q, Ctrl+T/N/W are reserved by Chromium and cannot be taken back by a
 *   page, so the meeting actions use Alt+Shift+letter (Word's own "insert time" is Alt+Shift+T), which nothing in
 *   Chromium or Electron's default menu binds;
 * - Ctrl+Alt+letter is AltGr on European Windows layouts (AltGr+E = €, AltGr+Q = @): only digits are used with
 *   Ctrl+Alt, and never when the AltGraph modifier is down;
 * - keys are matched on `event.code`, so they work the same on AZERTY/QWERTZ and with macOS Option.
 * Bold/italic/underline (Mod+B/I/U) and undo/redo (Mod+Z, Mod+Shift+Z, Ctrl+Y) are Lexical's own.
 */
export type ShortcutId = 'timestamp' | 'decision' | 'action' | 'flag' | 'link' | 'paragraph' | 'h1' | 'h2' | 'h3' | 'numbered' | 'bullet' | 'quote';

interface Shortcut {
  label: string;
  /** As shown to the user, Ctrl for Mod (the toolbar replaces it with ⌘ on macOS). */
  keys: string;
  mod: boolean;
  alt: boolean;
  shift: boolean;
  code: string;
}

export const SHORTCUTS: Readonly<Record<ShortcutId, Shortcut>> = {
  timestamp: { label: 'Insert timestamp', keys: 'Alt+Shift+T', mod: false, alt: true, shift: true, code: 'KeyT' },
  decision: { label: 'Record a decision', keys: 'Alt+Shift+D', mod: false, alt: true, shift: true, code: 'KeyD' },
  action: { label: 'Record an action item', keys: 'Alt+Shift+A', mod: false, alt: true, shift: true, code: 'KeyA' },
  flag: { label: 'Flag selection as confidential', keys: 'Alt+Shift+F', mod: false, alt: true, shift: true, code: 'KeyF' },
  link: { label: 'Insert or edit link', keys: 'Ctrl+K', mod: true, alt: false, shift: false, code: 'KeyK' },
  paragraph: { label: 'Normal text', keys: 'Ctrl+Alt+0', mod: true, alt: true, shift: false, code: 'Digit0' },
  h1: { label: 'Heading 1', keys: 'Ctrl+Alt+1', mod: true, alt: true, shift: false, code: 'Digit1' },
  h2: { label: 'Heading 2', keys: 'Ctrl+Alt+2', mod: true, alt: true, shift: false, code: 'Digit2' },
  h3: { label: 'Heading 3', keys: 'Ctrl+Alt+3', mod: true, alt: true, shift: false, code: 'Digit3' },
  numbered: { label: 'Numbered list', keys: 'Ctrl+Shift+7', mod: true, alt: false, shift: true, code: 'Digit7' },
  bullet: { label: 'Bulleted list', keys: 'Ctrl+Shift+8', mod: true, alt: false, shift: true, code: 'Digit8' },
  quote: { label: 'Quote', keys: 'Ctrl+Shift+9', mod: true, alt: false, shift: true, code: 'Digit9' },
};

export interface KeyLike {
  code: string;
  altKey: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  getModifierState?(key: string): boolean;
}

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** The shortcut a keydown means, or null. `mac` decides whether Mod is Cmd (macOS) or Ctrl. */
export function matchShortcut(event: KeyLike, mac = IS_MAC): ShortcutId | null {
  if (event.getModifierState?.('AltGraph')) return null;
  const mod = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  const noMod = !event.ctrlKey && !event.metaKey;
  for (const [id, s] of Object.entries(SHORTCUTS) as Array<[ShortcutId, Shortcut]>) {
    if (s.code === event.code && (s.mod ? mod : noMod) && s.alt === event.altKey && s.shift === event.shiftKey) return id;
  }
  return null;
}

/** "Ctrl+K" → "⌘K" on macOS, for titles. */
export function shortcutText(id: ShortcutId, mac = IS_MAC): string {
  const keys = SHORTCUTS[id].keys;
  return mac ? keys.replace('Ctrl+', '⌘').replace('Alt+', '⌥').replace('Shift+', '⇧') : keys;
}
