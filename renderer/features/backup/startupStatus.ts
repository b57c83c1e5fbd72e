import { earlyAnswer, takeEarly } from '../../app/early-calls';
import { useLoad } from '../../ui/kit';

/**
 * The start-up check the app shell makes: null until known; `damaged` set means recovery mode. Apart from the backup
 * pages, which load on demand (the recovery screen only when the check finds the data file damaged): the first page's
 * code holds only this (issue 16).
 */
export function useStartupBackupStatus() {
  // Started by main.tsx before the first render (app/early-calls.ts); a reload asks again.
  return useLoad(() => takeEarly('backup.status'), [], () => earlyAnswer('backup.status'));
}
