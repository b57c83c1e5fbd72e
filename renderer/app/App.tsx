import { useEffect, useState } from 'react';
import type { Body } from '../../shared/domain/body';
import { api } from '../api';
import { MeetingPage } from '../features/meetings/MeetingPage';
import { MeetingsList } from '../features/meetings/MeetingsList';
import { MembersPage } from '../features/members/MembersPage';
import { MinutesPage } from '../features/minutes/MinutesPage';
import { BackupPage, RecoveryScreen, useStartupBackupStatus } from '../features/backup/BackupPage';
import { SearchBox } from '../features/search/SearchBox';
import { SearchPage } from '../features/search/SearchPage';
import { TrashPage } from '../features/trash/TrashPage';
import { RegisterPage } from '../features/register/RegisterPage';
import { SettingsEffects } from '../features/settings/SettingsEffects';
import { SettingsPage } from '../features/settings/SettingsPage';
import { href, useRoute } from './router';

export function App() {
  const route = useRoute();
  const [body, setBody] = useState<Body | null>(null);
  const startup = useStartupBackupStatus();
  const damaged = startup.value?.damaged ? startup.value : null;
  // Until the start-up check answers, nothing that reads the data is shown (in recovery mode it could not).
  const checked = startup.value !== undefined || startup.error !== null;
  useEffect(() => {
    api.call('body.get', {}).then(setBody, () => setBody(null));
  }, []);

  useEffect(() => {
    // Focus the page's main heading after a route change, so keyboard users land somewhere predictable.
    const h = document.querySelector<HTMLElement>('main h1');
    h?.focus();
  }, [route]);

  return (
    <div className="app">
      <a className="skip-main" href="#main" onClick={(e) => (e.preventDefault(), document.querySelector<HTMLElement>('main h1')?.focus())}>
        Skip to the content
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            TS
          </span>
          <div>
            <div className="app-name">Taskforce Secretariat</div>
            <div className="body-name">{body ? `${body.name} · chaired by ${body.chair}` : '\u00a0'}</div>
          </div>
        </div>
        <SearchBox />
        <nav aria-label="Main">
          <a href={href({ name: 'meetings' })} aria-current={route.name === 'meetings' || route.name === 'meeting' || route.name === 'minutes' ? 'page' : undefined}>
            Meetings
          </a>
          <a href={href({ name: 'members' })} aria-current={route.name === 'members' ? 'page' : undefined}>
            Members
          </a>
          <a href={href({ name: 'register' })} aria-current={route.name === 'register' ? 'page' : undefined}>
            Register
          </a>
          <a href={href({ name: 'trash' })} aria-current={route.name === 'trash' ? 'page' : undefined}>
            Trash
          </a>
          <a href={href({ name: 'backups' })} aria-current={route.name === 'backups' ? 'page' : undefined}>
            Backups
          </a>
          <a href={href({ name: 'settings' })} aria-current={route.name === 'settings' ? 'page' : undefined}>
            Settings
          </a>
        </nav>
      </header>
      <SettingsEffects />
      <main id="main">
        {!checked && <p className="muted">Opening the data…</p>}
        {damaged && <RecoveryScreen status={damaged} />}
        {checked && !damaged && route.name === 'backups' && <BackupPage />}
        {checked && !damaged && route.name === 'meetings' && <MeetingsList />}
        {checked && !damaged && route.name === 'meeting' && <MeetingPage key={route.id} id={route.id} />}
        {checked && !damaged && route.name === 'minutes' && <MinutesPage key={route.id} id={route.id} />}
        {checked && !damaged && route.name === 'members' && <MembersPage />}
        {checked && !damaged && route.name === 'search' && <SearchPage q={route.q} />}
        {checked && !damaged && route.name === 'trash' && <TrashPage />}
        {checked && !damaged && route.name === 'register' && <RegisterPage />}
        {checked && !damaged && route.name === 'settings' && <SettingsPage />}
      </main>
    </div>
  );
}
