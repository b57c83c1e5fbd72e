import { onDemand } from '../ui/onDemand';

/**
 * The minutes page's code, loaded on demand (issue 16): Lexical, suggestions, preview and redaction are not in the
 * entry chunk. Started by the app shell when the route is the minutes page — at once, before the first render, when the
 * app is opened on it (app/early-calls.ts) — and taken by MinutesRoute (App.tsx), which mounts the page the moment
 * the code is there. A failed load is not kept: a later visit tries again.
 */
export type MinutesPageType = (typeof import('../features/minutes/MinutesPage'))['MinutesPage'];

export const minutesChunk = onDemand(() => import('../features/minutes/MinutesPage').then((m): { MinutesPage: MinutesPageType } => ({ MinutesPage: m.MinutesPage })));
