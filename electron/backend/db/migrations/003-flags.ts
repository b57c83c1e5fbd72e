import type { Migration } from './types';

/** Placeholder: the flags feature's schema (filled in by that feature). */
export const m003Flags: Migration = {
  version: 3,
  name: 'flags',
  up() {},
};
