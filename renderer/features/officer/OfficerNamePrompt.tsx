import { useEffect, useId, useState, type FormEvent } from 'react';
import { api } from '../../api';
import { loadSettings, settingsKnown, settingsNow } from '../../app/settings';
import type { ReportError } from '../../ui/errors';

/**
 * Asks once, in the app and without blocking anything, for the officer's name: it is recorded with the flags they
 * set (the redaction record says who flagged what), instead of the computer's account. "Not now" is remembered too.
 */
export function OfficerNamePrompt({ report }: { report: ReportError }) {
  // Known in the first render when the settings' answer has come (app/settings.ts): the prompt is there from the
  // first paint, and the editor below it does not move down under the officer's pointer a frame later.
  const [show, setShow] = useState(() => {
    const s = settingsNow();
    return s ? !s.officerName && !s.officerNameAsked : false;
  });
  const [name, setName] = useState('');
  const id = useId();
  useEffect(() => {
    loadSettings().then(
      (s) => setShow(!s.officerName && !s.officerNameAsked),
      (e) => report('Reading your settings', e),
    );
  }, [report]);
  if (!show) return null;
  const save = async (officerName?: string) => {
    try {
      settingsKnown(await api.call('settings.update', officerName ? { officerName, officerNameAsked: true } : { officerNameAsked: true }));
      setShow(false);
    } catch (e) {
      report('Saving your name', e);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) void save(name);
  };
  return (
    <form className="officer-prompt" onSubmit={submit} aria-label="Your name for the flags you set">
      <label htmlFor={id}>Your name, recorded with the flags you set (asked once):</label>
      <input id={id} value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoComplete="name" />
      <button type="submit" disabled={!name.trim()}>
        Save name
      </button>
      <button type="button" className="link" onClick={() => void save()}>
        Not now
      </button>
    </form>
  );
}
