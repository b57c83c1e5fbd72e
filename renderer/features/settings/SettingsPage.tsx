import { useState, type FormEvent } from 'react';
import type { Body } from '../../../shared/domain/body';
import { THEME_LABEL, THEMES, type Settings } from '../../../shared/domain/settings';
import { api } from '../../api';
import { ErrorNote, Field, useAction, useLoad } from '../../ui/kit';
import { settingsChanged } from './SettingsEffects';
import { applyTheme } from './theme';

/** This user's settings (theme, default redaction marker, export folder) and the body's details (in the database). */
export function SettingsPage() {
  const loaded = useLoad(() => Promise.all([api.call('settings.get', {}), api.call('body.get', {})]), []);
  const [s, setS] = useState<Settings | null>(null);
  const [body, setBody] = useState<Body | null>(null);
  const act = useAction();
  const [saved, setSaved] = useState(false);
  // What was loaded becomes the form's state (adjusted while rendering, not in an effect).
  const [shownLoad, setShownLoad] = useState(loaded.value);
  if (loaded.value !== shownLoad) {
    setShownLoad(loaded.value);
    if (loaded.value) {
      setS(loaded.value[0]);
      setBody(loaded.value[1]);
    }
  }
  if (!s || !body) return <ErrorNote error={loaded.error} />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const r = await act.run(async () => {
      const next = await api.call('settings.update', { theme: s.theme, redactionMarker: s.redactionMarker, defaultExportFolder: s.defaultExportFolder.trim() });
      await api.call('body.update', { name: body.name, chair: body.chair });
      return next;
    });
    if (r) {
      setS(r);
      settingsChanged(r);
      setSaved(true);
    }
  };
  const acknowledge = async () => {
    const r = await act.run(() => api.call('settings.update', { acknowledgeProblem: true }));
    if (r) {
      setS(r);
      settingsChanged(r);
    }
  };

  return (
    <section className="page">
      <div className="page-head">
        <h1 tabIndex={-1}>Settings</h1>
      </div>
      {s.problem && (
        <div className="error-note" role="alert">
          <span>{s.problem}</span>{' '}
          <button type="button" className="link" onClick={() => void acknowledge()}>
            Understood
          </button>
        </div>
      )}
      <form className="settings-form" onSubmit={submit} aria-label="Settings">
        <fieldset>
          <legend>Appearance</legend>
          {THEMES.map((t) => (
            <label key={t} className="check">
              <input
                type="radio"
                name="theme"
                value={t}
                checked={s.theme === t}
                onChange={() => {
                  setS({ ...s, theme: t });
                  applyTheme(t);
                }}
              />
              {THEME_LABEL[t]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Documents</legend>
          <Field label="Redaction marker for new meetings" hint="Replaces every flagged passage in the public summary. Each meeting keeps its own; change it there for one meeting.">
            {(id) => <input id={id} value={s.redactionMarker} maxLength={20} required onChange={(e) => setS({ ...s, redactionMarker: e.target.value })} />}
          </Field>
          <Field label="Default export folder" hint="The desktop app's save dialog opens here; leave empty to open the folder used last. (The browser host saves to its downloads.)">
            {(id) => <input id={id} value={s.defaultExportFolder} maxLength={4096} onChange={(e) => setS({ ...s, defaultExportFolder: e.target.value })} />}
          </Field>
        </fieldset>
        <fieldset>
          <legend>The body</legend>
          <Field label="Name of the body">{(id) => <input id={id} value={body.name} maxLength={300} required onChange={(e) => setBody({ ...body, name: e.target.value })} />}</Field>
          <Field label="Chaired by">{(id) => <input id={id} value={body.chair} maxLength={200} required onChange={(e) => setBody({ ...body, chair: e.target.value })} />}</Field>
        </fieldset>
        <ErrorNote error={act.error} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={act.busy}>
            Save settings
          </button>
          {saved && (
            <span role="status" className="muted">
              Saved.
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
