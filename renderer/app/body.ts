import type { Body } from '../../shared/domain/body';
import { api } from '../api';
import { takeBoot } from './boot-calls';

/**
 * The body (its name and chair) as the pages read it: asked of the backend once per page load and shared — the top
 * bar and the minutes page (its public preview) used to ask for it each (issue 16: `body.get` was called twice on the
 * minutes page). A change made in Settings replaces it (`bodyChanged`), so a page opened afterwards reads the new one.
 * A failed read is not kept: the next reader asks again.
 */
let current: Promise<Body> | null = null;

export function loadBody(): Promise<Body> {
  current ??= (takeBoot('body.get', {}) ?? api.call('body.get', {})).catch((e: unknown) => {
    current = null;
    throw e;
  });
  return current;
}

export function bodyChanged(body: Body): void {
  current = Promise.resolve(body);
}
