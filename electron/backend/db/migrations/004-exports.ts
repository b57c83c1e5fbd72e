import type { Migration } from './types';

/** Placeholder: the exports feature's schema (filled in by that feature). */
export const m004Exports: Migration = {
  version: 4,
  name: 'exports',
  up() {},
};
