import { useEffect, useLayoutEffect, useState } from 'react';
import type { Settings } from '../../../shared/domain/settings';
import { loadSettings, settingsKnown, settingsNow } from '../../app/settings';
import { href } from '../../app/router';
import { applyTheme } from './theme';
import './settings.css';

type Listener = (s: Settings) => void;
const listeners = new Set<Listener>();

/** Tells the app that settings changed (the Settings page calls it after a save). */
export function settingsChanged(s: Settings): void {
  settingsKnown(s);
  for (const l of listeners) l(s);
}

/** Mounted once: applies the theme, and says so when the settings file could not be read at start. */
export function SettingsEffects() {
  // Known in the first render when the answer came before the app's code ran: its theme is applied before the first
  // paint (no flash of the other theme).
  const [settings, setSettings] = useState<Settings | null>(() => settingsNow() ?? null);
  useLayoutEffect(() => {
    if (settings) applyTheme(settings.theme);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the first render's settings; later ones come through `on`
  }, []);
  useEffect(() => {
    const on: Listener = (s) => {
      setSettings(s);
      applyTheme(s.theme);
    };
    listeners.add(on);
    loadSettings().then(on, () => applyTheme('system'));
    return () => {
      listeners.delete(on);
    };
  }, []);
  if (!settings?.problem) return null;
  return (
    <div className="error-note settings-problem" role="alert">
      <span>{settings.problem} </span>
      <a href={href({ name: 'settings' })}>Open the settings</a>
    </div>
  );
}
