import type { Migration } from './types';

/**
 * Whether a future topic came onto an agenda as not for publication (raised in a withheld item, the officer confirming)
 * or as published. A topic picked as published carries its title and notes onto that agenda; when the item it was
 * raised in is withheld afterwards, its words must not be printed there any more, and the agenda and summary are
 * refused while they would be (an audit, 2026-12-07). A topic picked as withheld and then released by the officer is
 * the officer's choice, and prints. NULL: picked before this column (or not picked): read as picked as published
 * (fail-closed).
 */
export const m021TopicPickedWithheld: Migration = {
  version: 21,
  name: 'topic-picked-withheld',
  up(db) {
    db.exec(`ALTER TABLE future_topics ADD COLUMN picked_withheld INTEGER CHECK (picked_withheld IN (0, 1));`);
  },
};
