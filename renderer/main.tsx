import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { takeLaunchParams } from './api';
import { App } from './app/App';
import { startEarlyCalls } from './app/early-calls';
import { parseRoute } from './app/router';
import './styles.css';

takeLaunchParams();
// The first page's calls start now, while React renders the shell (app/early-calls.ts).
startEarlyCalls(parseRoute(window.location.hash));
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
