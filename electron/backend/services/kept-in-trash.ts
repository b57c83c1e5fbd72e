import { FIXED_SECTION_KEYS } from '../../../shared/domain/minutes';
import type { Dump, Row } from '../repositories/graph-repo';

/** A refused save's words, to keep in a deleted meeting's dump. */
export interface KeptWords {
  id: string;
  sectionKey: string;
  rev: number;
  contentJson: string;
  plainText: string;
  now: string;
  /** The page that sent them: a retry from the same base replaces its copy (as RevisionsRepo.keepRefused). */
  writer: string | undefined;
}

/**
 * The words of a save refused because the whole meeting was deleted meanwhile (in another window), kept in the
 * meeting's dump in the trash as a kept copy of the section (`conflict_copy`, migration 017): restored with the meeting,
 * its History lists them like any kept copy. The dump with the copy; 'same' if this page's copy there holds these
 * words already; null if the key is no section of that meeting (nothing kept). A section is the opening or closing,
 * an item on the dumped agenda, a section or kept copy the dump holds, or (`removedItem`, the caller knows) an item of
 * the meeting removed to the trash before it: restored, that item shows these words in its History (an audit,
 * 2026-12-07, found them dropped when the item had never been saved into).
 */
export function keepInDump(dump: Dump, w: KeptWords, removedItem = false): Dump | 'same' | null {
  const meetingId = dump.root.id;
  const t = dump.tables;
  const isSection =
    removedItem ||
    (FIXED_SECTION_KEYS as readonly string[]).includes(w.sectionKey) ||
    (t.agenda_items ?? []).some((r) => r.id === w.sectionKey) ||
    (t.minutes_sections ?? []).some((r) => r.section_key === w.sectionKey) ||
    (t.minutes_revisions ?? []).some((r) => r.section_key === w.sectionKey);
  if (dump.root.table !== 'meetings' || !isSection) return null;
  const version = Number((t.minutes ?? [])[0]?.version ?? 1);
  const mine = (r: Row) => w.writer !== undefined && r.section_key === w.sectionKey && r.writer === w.writer;
  // A retry of the same words replaces this page's copy from the same base only (as RevisionsRepo.keepRefused).
  const retried = (r: Row) => mine(r) && Number(r.rev) === w.rev && r.reason === 'conflict_copy' && Number(r.minutes_version) === version;
  const revisions = t.minutes_revisions ?? [];
  if (revisions.some((r) => mine(r) && r.content_json === w.contentJson)) return 'same';
  const others = revisions.filter((r) => !retried(r));
  const seq = Math.max(0, ...others.filter((r) => r.section_key === w.sectionKey).map((r) => Number(r.seq))) + 1;
  const copy: Row = {
    id: w.id,
    meeting_id: meetingId,
    section_key: w.sectionKey,
    minutes_version: version,
    rev: w.rev,
    reason: 'conflict_copy',
    content_json: w.contentJson,
    plain_text: w.plainText,
    created_at: w.now,
    seq,
    writer: w.writer ?? null,
  };
  return { ...dump, tables: { ...t, minutes_revisions: [...others, copy] } };
}
