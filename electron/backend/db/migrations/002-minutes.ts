import type { Migration } from './types';

/** Placeholder: the minutes feature's schema (filled in by that feature). */
export const m002Minutes: Migration = {
  version: 2,
  name: 'minutes',
  up() {},
};
