import { useEffect, useId, useState, type FormEvent } from 'react';
import { api } from '../../api';
import { loadSettings, settingsKnown } from '../../app/settings';
import type { ReportError } from '../../ui/errors';

/**
 * Asks once, in the app and without blocking anything, for the officer's name: it is recorded with the flags they
 * set (the redaction record says who flagged what), instead of the computer's account. "Not now" is remembered too.
 */
export function OfficerNamePrompt({ report }: { report: ReportError }) {
  const [show, setShow] = useState(false);
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
