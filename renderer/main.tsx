import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { takeLaunchParams, watchLaunches } from './api';
import { App } from './app/App';
import { startEarlyCalls } from './app/early-calls';
import { parseRoute } from './app/router';
import './styles.css';

takeLaunchParams();
watchLaunches();
// The first page's calls start now (or were started by boot.js); the first render comes once their answers have (a
// few ms, at most app/early-calls.ts FIRST_RENDER_WAIT_MS), so it shows the page with its data in one paint.
void startEarlyCalls(parseRoute(window.location.hash)).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
