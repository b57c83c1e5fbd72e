import type { KeyLike } from '../../editor/shortcuts';

/**
 * Meeting-level shortcuts, active anywhere on the minutes page (also inside an editor). Same conventions as the
 * editor's (renderer/editor/shortcuts.ts): Alt+Shift+letter, matched on `event.code`, never with AltGraph.
 */
export type MeetingShortcutId = 'next' | 'previous' | 'timer' | 'attendance' | 'help';

export const MEETING_SHORTCUTS: Readonly<Record<MeetingShortcutId, { label: string; keys: string; codes: string[] }>> = {
  next: { label: 'Next agenda item (stops this timer, starts the next)', keys: 'Alt+Shift+N  or  Alt+PageDown', codes: ['KeyN', 'PageDown'] },
  previous: { label: 'Previous agenda item', keys: 'Alt+Shift+P  or  Alt+PageUp', codes: ['KeyP', 'PageUp'] },
  timer: { label: "Start or stop the current item's timer", keys: 'Alt+Shift+S', codes: ['KeyS'] },
  attendance: { label: 'Attendance (check-in): open the tab and go to it', keys: 'Alt+Shift+C', codes: ['KeyC'] },
  help: { label: 'Show or hide this list of shortcuts', keys: 'Alt+Shift+H  or  F1', codes: ['KeyH', 'F1'] },
};

export function matchMeetingShortcut(e: KeyLike): MeetingShortcutId | null {
  if (e.getModifierState?.('AltGraph') || e.ctrlKey || e.metaKey) return null;
  if (e.code === 'F1' && !e.altKey && !e.shiftKey) return 'help';
  if (e.altKey && !e.shiftKey && e.code === 'PageDown') return 'next';
  if (e.altKey && !e.shiftKey && e.code === 'PageUp') return 'previous';
  if (!e.altKey || !e.shiftKey) return null;
  if (e.code === 'KeyN') return 'next';
  if (e.code === 'KeyP') return 'previous';
  if (e.code === 'KeyS') return 'timer';
  if (e.code === 'KeyC') return 'attendance';
  if (e.code === 'KeyH') return 'help';
  return null;
}
