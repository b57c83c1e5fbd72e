import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { takeLaunchParams } from './api';
import { App } from './app/App';
import './styles.css';

takeLaunchParams();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
