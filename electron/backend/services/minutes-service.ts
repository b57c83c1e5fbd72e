import type * as z from 'zod';
import { AppError } from '../../../shared/errors';
import { emptyDoc, type SerializedDoc } from '../../../shared/editor/doc-model';
import type { Flag } from '../../../shared/domain/flags';
import { applyFlags } from '../../../shared/redaction/apply-flags';
import { carryFlags } from '../../../shared/redaction/carry-flags';
import { excerptIn, flagIdsOfJson } from '../../../shared/redaction/flag-state';
import { foldAsCheck } from '../../../shared/text/look-alikes';
import { flaggedTexts } from '../../../shared/redaction/flagged-texts';
import { sectionText } from '../../../shared/redaction/plain-text';
import { SECTION_TITLE } from '../../../shared/redaction/redact';
import { ReadSection } from '../../../shared/redaction/walk';
import {
  canTransitionMinutes,
  excerpt,
  FIXED_SECTION_KEYS,
  MINUTES_STATUS_LABEL,
  type MinutesInfo,
  type MinutesReopen,
  type MinutesSetStatus,
  type RestorePreview,
  type RestoreResult,
  type RevisionDetail,
  type RevisionReason,
  type RevisionSummary,
  type SaveRefusal,
  type SaveResult,
  type SaveSection,
  type Section,
  type SectionKind,
  type SnapshotInput,
  type SnapshotResult,
} from '../../../shared/domain/minutes';
import type { MinutesOutline, MinutesState, SectionHead } from '../../../shared/contract/minutes';
import { FlagsRepo } from '../repositories/flags-repo';
import { MinutesRepo, type MinutesRow, type StoredSectionHead } from '../repositories/minutes-repo';
import { FlagsService } from './flags-service';
import { RevisionsRepo, type RevisionHead } from '../repositories/revisions-repo';
import { SearchRepo } from '../repositories/search-repo';
import { TrashRepo } from '../repositories/trash-repo';
import type { Dump } from '../repositories/graph-repo';
import { keepInDump } from './kept-in-trash';
import { describe } from './trash-service';
import { searchBlocks } from '../../../shared/search/blocks';
import { iso, type ServiceContext } from './context';
import type { AttendanceService } from './attendance-service';
import type { DecisionsService } from './decisions-service';
import type { LiveService } from './live-service';
import type { MeetingsService } from './meetings-service';
import { notFound } from './members-service';

type Out<T extends z.ZodType> = z.output<T>;

/**
 * Before a save overwrites a section, the backend keeps a copy of what was there ('auto' revision) when the last
 * revision of the section is older than this, or when the save removes more than half of a substantial text:
 * a safety net that does not depend on the editor remembering to snapshot.
 */
export const AUTO_REVISION_AFTER_MS = 5 * 60_000;
const AUTO_REVISION_SHRINK_MIN_CHARS = 200;

export interface SectionOutline {
  key: string;
  kind: SectionKind;
  number: string;
  title: string;
}


/**
 * Sections (current content, rev), their revisions, and the status and version of the minutes. Also the guards the
 * other minutes services share: the meeting exists, the section belongs to it, the minutes are not approved.
 */
export class MinutesService {
  readonly repo: MinutesRepo;
  readonly revisions: RevisionsRepo;
  private readonly flags: FlagsService;
  private readonly flagsRepo: FlagsRepo;
  /** The search index, kept current in each write's own transaction (only changed blocks are re-indexed). */
  private readonly search: SearchRepo;
  private readonly trash: TrashRepo;
  constructor(
    private readonly ctx: ServiceContext,
    readonly meetings: MeetingsService,
    flags: FlagsService = new FlagsService(ctx),
  ) {
    this.repo = new MinutesRepo(ctx.db);
    this.revisions = new RevisionsRepo(ctx.db);
    this.flags = flags;
    this.flagsRepo = new FlagsRepo(ctx.db);
    this.search = new SearchRepo(ctx.db);
    this.trash = new TrashRepo(ctx.db);
  }

  // ---- guards (used inside the callers' transactions) ----------------------------------------------------------

  /** The minutes' status and version; a meeting whose minutes were never touched has a version 1 draft. */
  info(meetingId: string): MinutesInfo {
    this.meetings.mustGet(meetingId);
    const row = this.repo.get(meetingId);
    return row ? toInfo(row) : { meetingId, status: 'draft', version: 1, updatedAt: null };
  }

  /** For writes: the meeting exists and its minutes are not approved. Creates the minutes row on first use. */
  requireEditable(meetingId: string, now: string): MinutesRow {
    const row = this.minutesRow(meetingId, now);
    if (row.status === 'approved') throw approvedRefusal(row);
    return row;
  }

  /** The meeting's minutes record (made at the first need); not_found for a meeting that does not exist. */
  private minutesRow(meetingId: string, now: string): MinutesRow {
    this.meetings.mustGet(meetingId);
    return this.repo.ensure(meetingId, now);
  }

  /** The key is 'opening', 'closing' or an agenda item of this meeting. */
  requireSection(meetingId: string, sectionKey: string): void {
    if (!this.onAgenda(meetingId, sectionKey)) throw noSection();
  }

  private onAgenda(meetingId: string, sectionKey: string): boolean {
    if ((FIXED_SECTION_KEYS as readonly string[]).includes(sectionKey)) return true;
    return this.meetings.agenda.get(sectionKey)?.meetingId === meetingId;
  }

  /** An agenda item of this meeting removed since: its section is stored (an orphan), or the trash keeps the item. */
  private removedItem(meetingId: string, sectionKey: string): boolean {
    return this.repo.head(meetingId, sectionKey) !== undefined || this.trash.holdsAgendaItem(meetingId, sectionKey);
  }

  /** Opening, the agenda items in order (sub-items included), closing. */
  outline(meetingId: string): SectionOutline[] {
    const items = this.meetings.agendaOf(meetingId).map((a) => ({ key: a.id, kind: 'item' as const, number: a.number, title: a.title }));
    return [
      { key: 'opening', kind: 'opening', number: '', title: SECTION_TITLE.opening },
      ...items,
      { key: 'closing', kind: 'closing', number: '', title: SECTION_TITLE.closing },
    ];
  }

  /** Everything the renderer needs to open a meeting's minutes, read in one transaction (a consistent snapshot). */
  load(meetingId: string, parts: { live: LiveService; attendance: AttendanceService; records: DecisionsService }): MinutesState {
    return this.ctx.db.transaction(
      (): MinutesState => ({
        minutes: this.info(meetingId),
        sections: this.sections(meetingId),
        live: parts.live.state(meetingId),
        decisions: parts.records.listDecisions(meetingId),
        actions: parts.records.listActions(meetingId),
        attendance: parts.attendance.list(meetingId),
      }),
    )();
  }

  /** The same as `load` without the sections' content (minutes.outline): the page then loads each section alone. */
  loadOutline(meetingId: string, parts: { live: LiveService; attendance: AttendanceService; records: DecisionsService }): MinutesOutline {
    return this.ctx.db.transaction(
      (): MinutesOutline => ({
        minutes: this.info(meetingId),
        sections: this.sectionHeads(meetingId),
        live: parts.live.state(meetingId),
        decisions: parts.records.listDecisions(meetingId),
        actions: parts.records.listActions(meetingId),
        attendance: parts.attendance.list(meetingId),
      }),
    )();
  }

  // ---- sections ---------------------------------------------------------------------------------------------------

  /** The agenda's sections then any orphan, in the order of `sections`, with the keys of the stored ones. */
  private sectionOrder<T extends { sectionKey: string }>(meetingId: string, stored: Map<string, T>): SectionOutline[] {
    const outline = this.outline(meetingId);
    const known = new Set(outline.map((o) => o.key));
    const orphans: SectionOutline[] = [...stored.keys()]
      .filter((k) => !known.has(k))
      .sort()
      .map((key) => ({ key, kind: 'orphan', number: '', title: 'Removed agenda item' }));
    return [...outline, ...orphans];
  }

  /** Every section as `sections` lists them, without content: rev, time and the size of the text. */
  sectionHeads(meetingId: string): SectionHead[] {
    this.meetings.mustGet(meetingId);
    const stored = new Map(this.repo.sectionHeads(meetingId).map((s) => [s.sectionKey, s]));
    return this.sectionOrder(meetingId, stored).map((o) => {
      const s = stored.get(o.key);
      return { ...o, rev: s?.rev ?? 0, updatedAt: s?.updatedAt ?? null, textLength: s?.textLength ?? 0, lines: s?.lines ?? 0 };
    });
  }

  /** One section with its content (minutes.section); not_found for a key that is neither on the agenda nor stored. */
  section(meetingId: string, sectionKey: string): Section {
    this.meetings.mustGet(meetingId);
    const s = this.repo.section(meetingId, sectionKey);
    const o = this.outline(meetingId).find((x) => x.key === sectionKey) ?? (s ? { key: sectionKey, kind: 'orphan' as const, number: '', title: 'Removed agenda item' } : null);
    if (!o) throw noSection();
    return { ...o, content: s ? this.readContent(meetingId, s.contentJson) : emptyDoc(), rev: s?.rev ?? 0, updatedAt: s?.updatedAt ?? null };
  }

  /**
   * A stored section's content as the page gets it: marks of another meeting's flag id made this meeting's (ownMarks).
   * Should that fail (content no save of this build would have stored), the section is still shown as stored: the
   * officer can read and fix it, and its marks still hide their text in every public document.
   */
  private readContent(meetingId: string, contentJson: string): SerializedDoc {
    const content = JSON.parse(contentJson) as SerializedDoc;
    try {
      return this.flags.ownMarks(meetingId, content, contentJson).content;
    } catch {
      return content;
    }
  }

  /** A stored section's text, one line per block ('' when nothing is stored). */
  sectionTextOf(meetingId: string, sectionKey: string): string {
    const s = this.repo.section(meetingId, sectionKey);
    return s ? sectionText(JSON.parse(s.contentJson)) : '';
  }

  /** Every section of the agenda with its content, then any stored section whose agenda item is gone ('orphan'). */
  sections(meetingId: string): Section[] {
    this.meetings.mustGet(meetingId);
    const stored = new Map(this.repo.sections(meetingId).map((s) => [s.sectionKey, s]));
    return this.sectionOrder(meetingId, stored).map((o) => {
      const s = stored.get(o.key);
      return { ...o, content: s ? this.readContent(meetingId, s.contentJson) : emptyDoc(), rev: s?.rev ?? 0, updatedAt: s?.updatedAt ?? null };
    });
  }

  /**
   * The autosave. One immediate transaction: guards, the rev check, an optional safety copy, the write, and the flag
   * records derived from the marks in the saved content (FlagsService.reconcile). The caller is answered only after
   * the commit (synchronous=FULL), so an acknowledged save is on disk, with its flags.
   * The content is read by the one reader of stored minutes (shared/redaction/walk.ts) before anything is written:
   * what the redaction could not judge is refused here, not at export time.
   */
  saveSection(input: Out<typeof SaveSection>): SaveResult {
    const now = iso(this.ctx.now());
    const sent = JSON.stringify(input.content);
    // Read once (the walk and its schema check): the plain text, the flagged passages and the search blocks come from
    // this reading. At 4 MB a reading costs ~45 ms of the host's one thread, and a long section is saved every 2 s.
    const sentRead = ReadSection.of(input.content, 'content');
    const text = sectionText(sentRead);
    const { meetingId, sectionKey } = input;
    const outcome = this.ctx.db
      .transaction((): SaveResult | AppError => {
        // A meeting deleted meanwhile (in another window): the words are kept with it in the trash, if they can be.
        if (!this.meetings.meetings.get(meetingId)) return this.keepForDeletedMeeting(input, sent, text, now);
        // Approved minutes, and an item removed meanwhile (in another window), refuse the save below once its words
        // are known: they are kept (migration 017). A key that was never an item of this meeting is refused here.
        const minutes = this.repo.ensure(meetingId, now); // the meeting exists: read just above
        const approved = minutes.status === 'approved';
        const removed = !this.onAgenda(meetingId, sectionKey);
        if (removed && !this.removedItem(meetingId, sectionKey)) throw noSection();
        // A mark carrying another meeting's flag id is saved under this meeting's own (FlagsService.ownMarks).
        const owned = this.flags.ownMarks(meetingId, input.content, sent);
        const content = owned.content;
        const contentJson = content === input.content ? sent : JSON.stringify(content);
        // Marks given this meeting's ids are other marks: that content is read again.
        const read = content === input.content ? sentRead : ReadSection.of(content, 'content');
        const head = this.repo.head(meetingId, sectionKey, contentJson);
        const currentRev = head?.rev ?? 0;
        // Same words as stored: already durable, with their flags. Also from a page whose base is stale: it now holds
        // the section as it stands (approved minutes still answer read_only below, so the page turns read-only).
        if (head?.same && !approved && !removed) return { sectionKey, rev: head.rev, savedAt: head.updatedAt, flags: [] };
        const stale = input.baseRev !== undefined && input.baseRev !== currentRev && !answerLost(input, head);
        const refused = removed
          ? new AppError('not_found', 'This agenda item was removed meanwhile, so the change was not saved in it.')
          : approved
            ? approvedRefusal(minutes)
            : stale
              ? new AppError('conflict', `This section was changed elsewhere (now at revision ${currentRev}, the edit was based on ${input.baseRev}).`)
              : null;
        if (refused) {
          // The refused words are kept in the section's history (migration 017), unless the section holds them as they
          // are. An item removed meanwhile keeps its section and history: restored from the trash, it has them again.
          if (!head?.same)
            this.revisions.keepRefused({
              id: this.ctx.newId(),
              meetingId,
              sectionKey,
              minutesVersion: minutes.version,
              rev: input.baseRev ?? currentRev,
              reason: refused.code === 'read_only' ? 'refused_copy' : 'conflict_copy',
              contentJson,
              plainText: text,
              now,
              writer: input.writer,
            });
          const details: SaveRefusal = { kept: head?.same ? 'section' : 'history', ...(refused.code === 'conflict' ? { currentRev } : {}) };
          return new AppError(refused.code, refused.message, { details });
        }
        if (head && this.wantsSafetyCopy(meetingId, sectionKey, head.textLength, text.length, now))
          this.revisions.snapshotStored({ id: this.ctx.newId(), meetingId, sectionKey, minutesVersion: minutes.version, reason: 'auto', now });
        // The records first: a flag whose mark went with some of its words needs the section as it stood.
        const flags = this.reconcileFlags(meetingId, sectionKey, { content, read }, text, input.liftedByUndo ?? [], () => this.storedContent(meetingId, sectionKey), now, owned.from);
        const by = input.writer !== undefined && input.baseRev !== undefined ? { writer: input.writer, baseRev: input.baseRev } : undefined;
        const rev = this.repo.write(meetingId, sectionKey, contentJson, text, now, by);
        this.search.indexSection(meetingId, sectionKey, searchBlocks(read));
        this.repo.touch(meetingId, now);
        return { sectionKey, rev, savedAt: now, flags };
      })
      .immediate();
    // A refusal is answered after its kept copy has been committed.
    if (outcome instanceof AppError) throw outcome;
    return outcome;
  }

  /**
   * A save into a meeting deleted meanwhile: its words are kept in the meeting's dump in the trash, as a kept copy of
   * the section (kept-in-trash.ts), so restoring the meeting brings them back in the section's History. Refused either
   * way (not_found); with `kept: 'history'` when they are kept.
   */
  private keepForDeletedMeeting(input: Out<typeof SaveSection>, contentJson: string, plainText: string, now: string): AppError {
    const gone = 'This meeting was deleted meanwhile, so the change was not saved.';
    const entry = this.trash.deletedMeeting(input.meetingId);
    const payload = entry ? (JSON.parse(entry.payloadJson) as { dump?: Dump }) : null;
    if (!entry || !payload?.dump) return new AppError('not_found', gone);
    const words = { id: this.ctx.newId(), sectionKey: input.sectionKey, rev: input.baseRev ?? 0, contentJson, plainText, now, writer: input.writer };
    const kept = keepInDump(payload.dump, words, this.trash.holdsAgendaItem(input.meetingId, input.sectionKey));
    if (!kept) return new AppError('not_found', gone);
    // The entry's "held" text says so too: the Trash page shows it, and asks with it before removing the entry for good.
    if (kept !== 'same') this.trash.setPayload(entry.id, JSON.stringify({ ...payload, dump: kept }), describe(kept));
    const details: SaveRefusal = { kept: 'history', gone: 'meeting' };
    return new AppError('not_found', gone, { details });
  }

  private reconcileFlags(
    meetingId: string,
    sectionKey: string,
    { content, read }: { content: SerializedDoc; read: ReadSection },
    text: string,
    liftedByUndo: readonly string[],
    previous: () => SerializedDoc | null,
    now: string,
    adoptedFrom?: ReadonlyMap<string, Flag>,
  ): Flag[] {
    return this.flags.reconcile({
      meetingId,
      sectionKey,
      content,
      read,
      text,
      liftedByUndo,
      previous,
      now,
      adoptedFrom,
      otherTexts: () => this.repo.otherTexts(meetingId, sectionKey),
      heldBefore: (ids) => this.markedBefore(meetingId, sectionKey, ids),
      markedElsewhere: (id) => this.markedElsewhere(meetingId, sectionKey, id),
    });
  }

  /** The first other section of the meeting that holds a mark of `id`, and the text it marks there. */
  private markedElsewhere(meetingId: string, sectionKey: string, id: string): { sectionKey: string; text: string } | null {
    for (const head of this.repo.sectionHeads(meetingId)) {
      if (head.sectionKey === sectionKey) continue;
      const s = this.repo.section(meetingId, head.sectionKey);
      if (!s || !flagIdsOfJson(s.contentJson).has(id)) continue;
      const texts = flaggedTexts(JSON.parse(s.contentJson) as SerializedDoc).filter((f) => f.ids.includes(id));
      if (texts.length > 0) return { sectionKey: head.sectionKey, text: texts.map((f) => f.text).join('\n') };
    }
    return null;
  }

  /**
   * Which of `ids` the stored section (before a save) has marks of: one scan of its JSON text (~2 ms for 400 KB, however
   * many ids), parsed only when that cannot tell.
   */
  private markedBefore(meetingId: string, sectionKey: string, ids: readonly string[]): string[] {
    const s = this.repo.section(meetingId, sectionKey);
    if (!s) return [];
    const found = flagIdsOfJson(s.contentJson);
    return ids.filter((id) => found.has(id));
  }

  private storedContent(meetingId: string, sectionKey: string): SerializedDoc | null {
    const s = this.repo.section(meetingId, sectionKey);
    return s ? (JSON.parse(s.contentJson) as SerializedDoc) : null;
  }

  /**
   * A revision's content with the flags in force re-applied to its text. First the marks of the section as it stands
   * are carried onto the revision's words that survive in it (carryFlags: the flags in force of this section, with
   * the recorded text of those whose mark is missing marked for the purpose); then any other flag of the meeting in
   * force whose text the revision holds is marked where that text stands. A flag of which only some words survive
   * stays on those words (`partly`): a part of a confidential passage is confidential.
   */
  private reflagged(r: { meetingId: string; sectionKey: string; contentJson: string }, current: SerializedDoc | null): RestorePreview {
    const revision = JSON.parse(r.contentJson) as SerializedDoc;
    const inForce = this.flagsRepo.listForMeeting(r.meetingId).filter((f) => f.retiredAt === null);
    const own = inForce.filter((f) => f.sectionKey === r.sectionKey);
    const carried = current ? carryFlags(applyFlags(current, own).content, revision, new Set(inForce.map((f) => f.id))).content : revision;
    const text = sectionText(revision);
    const candidates = inForce.filter((f) => f.sectionKey === r.sectionKey || excerptIn(f.excerpt, text, foldAsCheck));
    const applied = applyFlags(carried, candidates.map((f) => ({ id: f.id, excerpt: f.excerpt })));
    const marked = new Map<string, string>();
    for (const f of flaggedTexts(applied.content)) for (const id of f.ids) marked.set(id, f.text);
    const pick = (ids: readonly string[]) => candidates.filter((f) => ids.includes(f.id)).map((f) => ({ id: f.id, excerpt: f.excerpt }));
    const partly = candidates
      .filter((f) => marked.has(f.id) && !excerptIn(f.excerpt, marked.get(f.id)!, foldAsCheck))
      .map((f) => ({ id: f.id, excerpt: f.excerpt, kept: marked.get(f.id)! }));
    return { content: applied.content, reapplied: pick(applied.applied), notInRevision: pick(applied.missing), partly };
  }

  /** What restoring a revision would do to the flags, and the revision with its marks: shown before the officer confirms. */
  restorePreview(id: string): RestorePreview {
    const r = this.revisions.get(id);
    if (!r) throw notFound('revision');
    const preview = this.reflagged(r, this.storedContent(r.meetingId, r.sectionKey));
    return { ...preview, content: this.flags.ownMarks(r.meetingId, preview.content).content };
  }

  private wantsSafetyCopy(meetingId: string, sectionKey: string, oldLength: number, newLength: number, now: string): boolean {
    if (oldLength >= AUTO_REVISION_SHRINK_MIN_CHARS && newLength < oldLength / 2) return true;
    const last = this.revisions.latestCreatedAt(meetingId, sectionKey);
    return last === undefined || Date.parse(now) - Date.parse(last) >= AUTO_REVISION_AFTER_MS;
  }

  // ---- revisions --------------------------------------------------------------------------------------------------

  /** Keeps the section's current content as a revision, unless the latest revision holds the same content. */
  snapshot(input: Out<typeof SnapshotInput>): SnapshotResult {
    const now = iso(this.ctx.now());
    return this.ctx.db.transaction((): SnapshotResult => {
      const info = this.info(input.meetingId);
      if (!this.repo.head(input.meetingId, input.sectionKey)) {
        this.requireSection(input.meetingId, input.sectionKey);
        return { created: false, revision: null };
      }
      const id = this.ctx.newId();
      const created = this.revisions.snapshotStored({ id, ...input, minutesVersion: info.version, now });
      return { created, revision: created ? toSummary(this.revisions.get(id)!) : null };
    })();
  }

  /** A revision of every stored section (skipped where unchanged) before the minutes are exported. */
  snapshotBeforeExport(meetingId: string): void {
    const now = iso(this.ctx.now());
    this.ctx.db.transaction(() => this.snapshotAll(meetingId, this.info(meetingId).version, 'export', now))();
  }

  listRevisions(meetingId: string, sectionKey: string): RevisionSummary[] {
    this.meetings.mustGet(meetingId);
    return this.revisions.list(meetingId, sectionKey).map(toSummary);
  }

  revision(id: string): RevisionDetail {
    const r = this.revisions.get(id);
    if (!r) throw notFound('revision');
    return { ...toSummary(r), content: JSON.parse(r.contentJson) as SerializedDoc };
  }

  /**
   * Keeps the current content, then saves the revision's content as a new rev, itself kept as a revision. The flags
   * in force are re-applied to the restored text first (a revision taken before a passage was flagged must not bring
   * the passage back unflagged); the flag records then follow the restored marks in the same transaction.
   */
  restoreRevision(id: string): RestoreResult {
    const r = this.revisions.get(id);
    if (!r) throw notFound('revision');
    const now = iso(this.ctx.now());
    return this.ctx.db
      .transaction((): RestoreResult => {
        const minutes = this.requireEditable(r.meetingId, now);
        this.requireSection(r.meetingId, r.sectionKey);
        const current = this.storedContent(r.meetingId, r.sectionKey);
        const reflagged = this.reflagged(r, current);
        const { reapplied } = reflagged;
        // A revision from before may hold marks of another meeting's flag id: restored under this meeting's own.
        const owned = this.flags.ownMarks(r.meetingId, reflagged.content);
        const content = owned.content;
        const contentJson = JSON.stringify(content);
        const read = ReadSection.of(content, 'content');
        const text = sectionText(read);
        const flags = this.reconcileFlags(r.meetingId, r.sectionKey, { content, read }, text, [], () => current, now, owned.from);
        const base = { meetingId: r.meetingId, sectionKey: r.sectionKey, minutesVersion: minutes.version, now };
        this.revisions.snapshotStored({ ...base, id: this.ctx.newId(), reason: 'before_restore' });
        const rev = this.repo.write(r.meetingId, r.sectionKey, contentJson, text, now);
        this.search.indexSection(r.meetingId, r.sectionKey, searchBlocks(read));
        this.repo.touch(r.meetingId, now);
        this.revisions.insert({ ...base, id: this.ctx.newId(), reason: 'restore', rev, contentJson, plainText: text });
        return { sectionKey: r.sectionKey, rev, savedAt: now, content, flags, reapplied: reapplied.map((f) => f.id) };
      })
      .immediate();
  }

  // ---- status -----------------------------------------------------------------------------------------------------

  setStatus(input: Out<typeof MinutesSetStatus>): MinutesInfo {
    const now = iso(this.ctx.now());
    return this.ctx.db.transaction((): MinutesInfo => {
      this.meetings.mustGet(input.meetingId);
      const m = this.repo.ensure(input.meetingId, now);
      if (m.status === input.status) return toInfo(m);
      if (!canTransitionMinutes(m.status, input.status))
        throw new AppError(
          'invalid_transition',
          m.status === 'approved'
            ? 'Approved minutes cannot change status; reopen them to start a new version.'
            : `Minutes that are "${MINUTES_STATUS_LABEL[m.status]}" cannot become "${MINUTES_STATUS_LABEL[input.status]}".`,
        );
      // What was approved stays retrievable after a reopen: every section is kept as it stood.
      if (input.status === 'approved') this.snapshotAll(input.meetingId, m.version, 'approved', now);
      this.repo.setStatus(input.meetingId, input.status, m.version, now);
      this.meetings.meetings.recordEvent(input.meetingId, now, 'minutes_status', { from: m.status, to: input.status, version: m.version });
      this.meetings.follow(input.meetingId, now, `minutes ${input.status}`);
      return toInfo(this.repo.get(input.meetingId)!);
    })();
  }

  /** Approved minutes become a new draft version; the reason is recorded with the event. */
  reopen(input: Out<typeof MinutesReopen>): MinutesInfo {
    const now = iso(this.ctx.now());
    return this.ctx.db.transaction((): MinutesInfo => {
      this.meetings.mustGet(input.meetingId);
      const m = this.repo.ensure(input.meetingId, now);
      if (m.status !== 'approved')
        throw new AppError('invalid_transition', `Only approved minutes are reopened; these are "${MINUTES_STATUS_LABEL[m.status]}" and can be edited as they are.`);
      const version = m.version + 1;
      this.repo.setStatus(input.meetingId, 'draft', version, now);
      this.meetings.meetings.recordEvent(input.meetingId, now, 'minutes_status', {
        from: 'approved',
        to: 'draft',
        version,
        reopened: true,
        previousVersion: m.version,
        reason: input.reason,
      });
      this.meetings.follow(input.meetingId, now, 'minutes reopened');
      return toInfo(this.repo.get(input.meetingId)!);
    })();
  }

  private snapshotAll(meetingId: string, minutesVersion: number, reason: RevisionReason, now: string) {
    for (const s of this.repo.sections(meetingId))
      this.revisions.snapshotStored({ id: this.ctx.newId(), meetingId, sectionKey: s.sectionKey, minutesVersion, reason, now });
  }
}

function toInfo(m: MinutesRow): MinutesInfo {
  return { meetingId: m.meetingId, status: m.status, version: m.version, updatedAt: m.updatedAt };
}

function toSummary(r: RevisionHead): RevisionSummary {
  return {
    id: r.id,
    meetingId: r.meetingId,
    sectionKey: r.sectionKey,
    minutesVersion: r.minutesVersion,
    rev: r.rev,
    reason: r.reason,
    excerpt: excerpt(r.textStart),
    createdAt: r.createdAt,
  };
}

/** What a key that is no section of the meeting is answered (not the key itself: an internal id). */
function noSection(): AppError {
  return new AppError('not_found', 'This meeting has no such section (the agenda item may have been removed).');
}

/** What a change to approved minutes is answered. */
function approvedRefusal(row: MinutesRow): AppError {
  return new AppError('read_only', `The minutes of this meeting are approved (version ${row.version}) and can no longer be changed. Reopen them to make a new version.`);
}

/**
 * Whether a save based on `baseRev` while the section is at another rev is the next save of the page that wrote the
 * current rev from that same base, whose answer it never got (the write is committed, the answer was lost, also when
 * the host stopped before sending it): that page's content holds everything of its unacknowledged save and more, so it
 * goes on top. Anything else is a conflict. Who wrote the current rev is stored with it (migration 014).
 */
function answerLost(input: { writer?: string | undefined; baseRev?: number | undefined }, head: StoredSectionHead | undefined): boolean {
  return input.writer !== undefined && head !== undefined && head.lastWriter === input.writer && head.lastBaseRev === input.baseRev;
}
