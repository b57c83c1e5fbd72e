import { Suspense, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Body } from '../../shared/domain/body';
import { MeetingsList } from '../features/meetings/MeetingsList';
import { useStartupBackupStatus } from '../features/backup/startupStatus';
import { HoldNote, holdKnown } from '../features/backup/HoldNote';
import { SearchBox } from '../features/search/SearchBox';
import { SettingsEffects } from '../features/settings/SettingsEffects';
import { dropMinutesPrefetch, prefetchMinutes } from '../features/minutes/prefetch';
import { bodyNow, loadBody } from './body';
import { dropEarlyAnswers, dropEarlyListCalls } from './early-calls';
import { minutesChunk } from './minutes-chunk';
import { href, useRoute } from './router';
import { useOnDemand } from '../ui/onDemand';
import { PageBoundary, PageNotOpened, retryableLazy } from '../ui/PageBoundary';

// Split by route (issue 16): the meetings list is the first page and its chunk carries only what it runs. The other
// pages — above all the minutes (Lexical, suggestions with wink-nlp, preview and redaction) — load when first opened.
// retryableLazy: a page whose code could not be fetched (the local server stopped) is fetched again on the next try.
const MeetingPage = retryableLazy(() => import('../features/meetings/MeetingPage').then((m) => m.MeetingPage));
const MembersPage = retryableLazy(() => import('../features/members/MembersPage').then((m) => m.MembersPage));
/** The minutes page, mounted the moment its code is there (not React.lazy: see useOnDemand). */
function MinutesRoute({ id, navigated }: { id: string; navigated: { current: boolean } }) {
  const { value: mod, failed, retry } = useOnDemand(minutesChunk);
  useEffect(() => {
    if (mod && navigated.current) focusMainHeading();
  }, [mod, navigated]);
  if (failed) return <PageNotOpened onRetry={retry} />;
  if (!mod) return <p className="muted">Opening the page…</p>;
  return <mod.MinutesPage id={id} />;
}
const SearchPage = retryableLazy(() => import('../features/search/SearchPage').then((m) => m.SearchPage));
const TrashPage = retryableLazy(() => import('../features/trash/TrashPage').then((m) => m.TrashPage));
const RegisterPage = retryableLazy(() => import('../features/register/RegisterPage').then((m) => m.RegisterPage));
const SettingsPage = retryableLazy(() => import('../features/settings/SettingsPage').then((m) => m.SettingsPage));
const BackupPage = retryableLazy(() => import('../features/backup/BackupPage').then((m) => m.BackupPage));
const RecoveryScreen = retryableLazy(() => import('../features/backup/BackupPage').then((m) => m.RecoveryScreen));

function focusMainHeading() {
  document.querySelector<HTMLElement>('main h1')?.focus();
}

/**
 * After a route change, focus the page's main heading so keyboard users land somewhere predictable. Rendered after
 * the page inside the same Suspense boundary, so for a lazy page it runs once the page's chunk has loaded and the page
 * has rendered. Not on the first page of a launch (as before: only navigation moves the focus).
 */
function FocusHeading({ navigated }: { navigated: { current: boolean } }) {
  useEffect(() => {
    if (navigated.current) focusMainHeading();
  }, [navigated]);
  return null;
}

export function App() {
  const route = useRoute();
  // Answers that came before the app's code ran are in the first render (boot.js, app/early-calls.ts).
  const [body, setBody] = useState<Body | null>(() => bodyNow() ?? null);
  const startup = useStartupBackupStatus();
  const damaged = startup.value?.damaged ? startup.value : null;
  // Until the start-up check answers, nothing that reads the data is shown (in recovery mode it could not).
  const checked = startup.value !== undefined || startup.error !== null;
  const hold = startup.value?.publicationHold ?? null;
  // Before the first paint (usePublicationHold subscribes in a layout effect too, and a child's runs first).
  useLayoutEffect(() => holdKnown(hold), [hold]);
  useEffect(() => {
    // The first render is on the page: the early answers were for it only (a later mount asks anew).
    dropEarlyAnswers();
    loadBody().then(setBody, () => setBody(null));
  }, []);

  // The list's calls started early (main.tsx) are for the list as the first page: dropped if another page or the
  // recovery screen comes first.
  const listFirst = route.name === 'meetings' && !damaged;
  useEffect(() => {
    if (!listFirst) dropEarlyListCalls();
  }, [listFirst]);

  const minutesId = route.name === 'minutes' && !damaged ? route.id : null;
  useEffect(() => {
    // Left (or never shown: recovery mode) before the page mounted: what was asked for is not used.
    if (minutesId === null) return dropMinutesPrefetch();
    if (minutesChunk.now()) return;
    prefetchMinutes(minutesId);
    // A failed load is MinutesRoute's to say (and to try again): not an unhandled rejection here.
    minutesChunk.load().catch(() => undefined);
  }, [minutesId]);

  const navigated = useRef(false);
  useEffect(() => {
    const on = () => {
      navigated.current = true;
    };
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);

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
      <HoldNote />
      <main id="main">
        {!checked && <p className="muted">Opening the data…</p>}
        {damaged && (
          <PageBoundary resetKey="recovery">
            <Suspense fallback={<p className="muted">Opening the page…</p>}>
              <RecoveryScreen status={damaged} />
            </Suspense>
          </PageBoundary>
        )}
        {checked && !damaged && (
          <PageBoundary resetKey={href(route)}>
            <Suspense fallback={<p className="muted">Opening the page…</p>}>
              {route.name === 'backups' && <BackupPage />}
              {route.name === 'meetings' && <MeetingsList />}
              {route.name === 'meeting' && <MeetingPage key={route.id} id={route.id} />}
              {route.name === 'minutes' && <MinutesRoute key={route.id} id={route.id} navigated={navigated} />}
              {route.name === 'members' && <MembersPage />}
              {route.name === 'search' && <SearchPage q={route.q} />}
              {route.name === 'trash' && <TrashPage />}
              {route.name === 'register' && <RegisterPage />}
              {route.name === 'settings' && <SettingsPage />}
              <FocusHeading key={href(route)} navigated={navigated} />
            </Suspense>
          </PageBoundary>
        )}
      </main>
    </div>
  );
}
