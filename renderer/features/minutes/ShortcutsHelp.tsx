import { useEffect, useRef } from 'react';
import { SHORTCUTS, shortcutText, type ShortcutId } from '../../editor/shortcuts';
import { MEETING_SHORTCUTS } from './meetingShortcuts';

/** The help overlay: every shortcut of the minutes page, in one list. Escape closes it and focus goes back. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    ref.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      previous?.focus();
    };
  }, [onClose]);
  return (
    <div className="overlay" role="presentation" onClick={onClose}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" tabIndex={-1} ref={ref} onClick={(e) => e.stopPropagation()}>
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <table className="shortcuts">
          <tbody>
            <tr>
              <th colSpan={2}>Meeting</th>
            </tr>
            {Object.values(MEETING_SHORTCUTS).map((s) => (
              <tr key={s.label}>
                <td>
                  <kbd>{s.keys}</kbd>
                </td>
                <td>{s.label}</td>
              </tr>
            ))}
            <tr>
              <th colSpan={2}>Minutes</th>
            </tr>
            {(Object.keys(SHORTCUTS) as ShortcutId[]).map((id) => (
              <tr key={id}>
                <td>
                  <kbd>{shortcutText(id)}</kbd>
                </td>
                <td>{SHORTCUTS[id].label}</td>
              </tr>
            ))}
            <tr>
              <td>
                <kbd>Ctrl+B / I / U</kbd>
              </td>
              <td>Bold, italic, underline</td>
            </tr>
            <tr>
              <td>
                <kbd>Ctrl+Z / Ctrl+Shift+Z</kbd>
              </td>
              <td>Undo / redo (each section has its own history)</td>
            </tr>
          </tbody>
        </table>
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
