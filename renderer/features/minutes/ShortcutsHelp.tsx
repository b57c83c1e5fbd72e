import { Dialog } from '../../ui/Dialog';
import { SHORTCUTS, shortcutText, type ShortcutId } from '../../editor/shortcuts';
import { MEETING_SHORTCUTS } from './meetingShortcuts';

/** The help overlay: every shortcut of the minutes page, in one list. Escape closes it and focus goes back. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
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
    </Dialog>
  );
}
