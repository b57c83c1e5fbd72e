import type { Migration } from './types';

/**
 * The body's document conventions: the reference prefix, the place of issue, the one time zone and language of every
 * document, and the marking of internal documents. Existing bodies get the AI Office's defaults.
 */
export const m007DocumentConventions: Migration = {
  version: 7,
  name: 'document-conventions',
  up(db) {
    db.exec(`
      ALTER TABLE body ADD COLUMN reference_prefix TEXT NOT NULL DEFAULT 'AIO/SIGTF' CHECK (length(reference_prefix) <= 60);
      ALTER TABLE body ADD COLUMN place_of_issue TEXT NOT NULL DEFAULT 'Brussels' CHECK (length(place_of_issue) <= 100);
      ALTER TABLE body ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Europe/Brussels' CHECK (length(time_zone) BETWEEN 1 AND 64);
      ALTER TABLE body ADD COLUMN language TEXT NOT NULL DEFAULT 'en-GB' CHECK (length(language) BETWEEN 2 AND 16);
      ALTER TABLE body ADD COLUMN internal_marking TEXT NOT NULL DEFAULT 'Internal — not for publication' CHECK (length(internal_marking) BETWEEN 1 AND 100);
    `);
  },
};
