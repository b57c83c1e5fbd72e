import type { Migration } from './types';

/**
 * The agenda items that carry each future topic: the item it was picked into, and every copy of that item a copied
 * agenda made (MeetingsService.copyAgenda copies the rows, as follow-ups' listed actions are). The export looks for
 * a topic not for publication now in these items wherever they are, whatever becomes of the meetings between: it
 * used to follow each meeting's "created" event and an item of the topic's exact title, and a deleted meeting, a
 * deleted copy between two, or a title edited in part lost the trail (an audit, 2026-12-07). No foreign key to the
 * items: a meeting deleted and restored from the trash brings its items back under the same ids, and a row whose item
 * is gone only names nothing. Filled with the items topics were picked into.
 */
export const m022TopicItems: Migration = {
  version: 22,
  name: 'topic-items',
  up(db) {
    db.exec(`
      CREATE TABLE topic_items (
        topic_id TEXT NOT NULL REFERENCES future_topics (id) ON DELETE CASCADE,
        agenda_item_id TEXT NOT NULL,
        PRIMARY KEY (topic_id, agenda_item_id)
      ) STRICT;
      CREATE INDEX topic_items_item ON topic_items (agenda_item_id);
      INSERT INTO topic_items (topic_id, agenda_item_id) SELECT id, picked_agenda_item_id FROM future_topics WHERE picked_agenda_item_id IS NOT NULL;
    `);
  },
};
