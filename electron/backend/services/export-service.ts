import { nodeCrypto } from '../../node-crypto';
import { AppError } from '../../../shared/errors';
import type { ExportKind, ExportRecord, ExportResult, PublicSummaryOptions } from '../../../shared/contract/exports';
import { excerpt, MINUTES_STATUS_LABEL, type MinutesStatus } from '../../../shared/domain/minutes';
import type { DraftConfirmation } from '../../../shared/contract/exports';
import { isCheckedExport, type CheckedExportKind } from '../../../shared/contract/exports-labels';
import { conventionsOf, documentReference, draftMarking, isDraft, issueLine } from '../export/conventions';
import { DECISION_OUTCOME_LABEL } from '../../../shared/domain/decisions';
import { FLAG_REASON_LABEL, FLAG_STATE_LABEL, flagState } from '../../../shared/domain/flags';
import type { SerializedDoc } from '../../../shared/editor/doc-model';
import type { PublicationBlocker, PublicSummary } from '../../../shared/redaction/public-model';
import type { PublicVote } from '../../../shared/procedure/outcome';
import { itemHeading, publicSummary, type LayoutOptions } from '../../../shared/redaction/public-summary';
import { withheldCopiesIn, type PrintedPlace } from '../../../shared/redaction/withheld-copies';
import { guardsText } from '../../../shared/domain/flags-labels';
import { forbiddenPassages, LINK_ADDRESS, type ForbiddenPassage } from '../../../shared/redaction/forbidden';
import { normaliseForMatch, PassageMatcher } from '../../../shared/redaction/match-text';
import { withheldItems } from '../../../shared/redaction/publication';
import { meetingDate } from '../../../shared/format/zoned';
import type { Finding } from '../export/redaction-check';
import { printedAgenda } from '../export/agenda-printed';
import type { ConfidentialFollowUps, ConfidentialTopic, ExportData, ProcedureRecord } from '../export/types';
import { ActionsRepo } from '../repositories/actions-repo';
import { AttendanceRepo } from '../repositories/attendance-repo';
import { DecisionsRepo } from '../repositories/decisions-repo';
import { ExportsRepo } from '../repositories/exports-repo';
import { FlagsRepo } from '../repositories/flags-repo';
import { MeetingsRepo } from '../repositories/meetings-repo';
import { MinutesRepo } from '../repositories/minutes-repo';
import { flaggedElsewhere, unreadableTrash } from './flagged-elsewhere';
import { withheldInTrash } from './withheld-in-trash';
import { confidentialFollowUpsOf, confidentialTopicsOf, procedureRecord } from './procedure-service';
import { refuseWhileHeld } from './publication-hold';
import { iso, type ServiceContext } from './context';
import type { MeetingsService } from './meetings-service';
import type { MembersService } from './members-service';

/**
 * Produces the five documents of a meeting. The public summary goes: gather → redact() → build from the public
 * model only → redaction check on the bytes → return; on any finding, the bytes are dropped and leak_detected is
 * thrown. Every export (blocked ones too) is recorded in the history and as a meeting event. Writing the file to
 * disk is the host's business.
 */
export class ExportService {
  private readonly exportsRepo: ExportsRepo;
  private readonly meetingsRepo: MeetingsRepo;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly meetings: MeetingsService,
    private readonly members: MembersService,
    /** Runs before a document built from the minutes (a revision of each section is kept "before export"). */
    private readonly beforeMinutesExport: (meetingId: string) => void = () => {},
    /** The meeting's procedure as the documents state it (the composition root passes its ProcedureService's). */
    private readonly procedureOf: (meetingId: string) => ProcedureRecord = (meetingId) => procedureRecord(ctx, meetings, meetingId),
    /** The follow-up actions confidential now, read for an agenda export only (its ProcedureService's, as procedureOf). */
    private readonly followUpsOf: (meetingId: string) => ConfidentialFollowUps[] = (meetingId) => confidentialFollowUpsOf(ctx, meetings, meetingId),
    /** The future topics whose words may not be printed now (as followUpsOf), read for an agenda or summary export. */
    private readonly topicsOf: () => ConfidentialTopic[] = () => confidentialTopicsOf(ctx, meetings),
  ) {
    this.exportsRepo = new ExportsRepo(ctx.db);
    this.meetingsRepo = new MeetingsRepo(ctx.db);
  }

  /** The layout options of the public summary as an export now would use them (for the live preview). */
  publicOptions(meetingId: string): PublicSummaryOptions {
    const data = this.gather(meetingId, 'internal');
    const o = publicDocumentOptions(data);
    // What refuses the summary besides the minutes, found as the export finds it (the preview shows it as a blocker):
    // from the agenda, which the internal data holds as the public does (one reading of the minutes, not two).
    const staleTopics = this.staleTopics(meetingId, data).map(({ where, topic, raisedIn }) => ({ where, topic: topic.title, raisedIn }));
    // The meeting's withheld items in the trash: their words are blockers of the preview as of the export.
    const withheldElsewhere = withheldInTrash(this.ctx.db, meetingId, this.ctx.now()).map((w) => ({ name: w.name, groups: w.groups.map((g) => [...g]), urls: [...(w.urls ?? [])] }));
    return { chair: o.chair ?? '', timeZone: o.timeZone ?? '', issue: o.issue ?? '', reference: o.reference ?? '', draft: o.draft ?? null, language: o.language ?? '', staleTopics, withheldElsewhere };
  }

  history(meetingId: string): ExportRecord[] {
    this.meetings.mustGet(meetingId);
    return this.exportsRepo.listForMeeting(meetingId);
  }

  async create(input: { meetingId: string; kind: ExportKind; confirmDraft?: boolean | undefined }): Promise<ExportResult> {
    if (input.kind === 'public_summary' && !input.confirmDraft) this.refuseUnconfirmedDraft(input.meetingId);
    if (input.kind === 'internal_minutes' || input.kind === 'public_summary') this.beforeMinutesExport(input.meetingId);
    // The builders and the check (docx, fflate, saxes) are loaded when the first export starts, not at start-up.
    const { buildPublicSummary, checkPublicDocx, defaultFileName, describeFindings, ...builders } = await loadDocuments();
    // The public documents are checked for the passages flags guard: the public summary, the agenda (circulated to
    // every member organisation, and it may be published) and the list of participants. The internal minutes and the
    // redaction record are marked internal on every page.
    const kind = input.kind;
    const data = this.gather(input.meetingId, isCheckedExport(kind) ? 'public' : 'internal');
    const fileName = defaultFileName(meetingDate(data.meeting.startsAt), data.meeting.title, input.kind);
    if (!isCheckedExport(kind)) {
      const bytes = await buildInternal(builders, kind, data);
      const exportId = this.record(input.meetingId, input.kind, fileName, bytes, null, []);
      return { exportId, fileName, bytesBase64: Buffer.from(bytes).toString('base64'), check: { applied: false, passed: true } };
    }

    // Flags set since a backup restored over an unreadable data file cannot be known: fail-closed (publication-hold.ts).
    refuseWhileHeld(this.ctx.db, DOCUMENT_NAME[kind]);
    if (unreadableTrash(this.ctx.db, this.ctx.now()) > 0) {
      // Its flags cannot be known: fail-closed (flagged-elsewhere.ts).
      throw new AppError(
        'storage',
        `The ${DOCUMENT_NAME[kind]} was not produced: an item kept in the trash could not be read, so the flags it holds cannot be checked against ${kind === 'public_summary' ? 'these minutes' : 'it'}. Open the Trash and restore or remove the damaged item (or restore a backup), then try again. Nothing was written.`,
      );
    }
    const check = (bytes: Uint8Array) => this.refuseFlagged(input.meetingId, kind, fileName, data, bytes, { checkPublicDocx, describeFindings });
    if (kind === 'agenda') this.refuseStaleFollowUp(input.meetingId, fileName, data);
    if (kind === 'agenda' || kind === 'public_summary') this.refuseStaleTopics(input.meetingId, kind, fileName, data);
    // After the topics: a future topic's words are a withheld item's too, and its refusal says why they are here.
    if (kind === 'agenda') this.refuseWithheldInAgenda(input.meetingId, fileName, data);
    if (kind !== 'public_summary') {
      // Typed by the officer, they hold no flag marks: every passage a flag guards is looked for in them, as written.
      const bytes = await buildInternal(builders, kind, data);
      check(bytes);
      const exportId = this.record(input.meetingId, input.kind, fileName, bytes, true, []);
      return { exportId, fileName, bytesBase64: Buffer.from(bytes).toString('base64'), check: { applied: true, passed: true, findings: [] } };
    }
    const summary = this.publicSummary(data);
    // A flag whose mark is gone, or another meeting's passage, stops the export before the file is made. A passage of
    // this meeting's flags printed without its flag is what the file's check finds, and names with its place (a
    // heading, the organisations…) and what to do: the file is made and checked, and refused below whatever the check
    // says, so the export refuses whatever the preview blocks.
    const early = summary.blockers.filter((b) => b.kind !== 'printed');
    if (early.length > 0) {
      const findings: Finding[] = early.map((b) => ({
        kind: 'passage',
        part: 'word/document.xml',
        passageId: b.flagId,
        where:
          b.kind === 'withheld'
            ? `words of the withheld item "${b.withheldIn}", printed under "${b.where}"`
            : b.flaggedIn
              ? `passage flagged in the minutes of ${b.flaggedIn}, typed here unflagged, under "${b.where}"`
              : `flag in force whose mark is gone, under "${b.where}"`,
      }));
      this.record(input.meetingId, input.kind, fileName, new Uint8Array(), false, findings);
      throw new AppError('leak_detected', describeBlockers(early), { details: { blockers: early } });
    }
    const bytes = await buildPublicSummary(summary);
    check(bytes);
    const printed = summary.blockers.filter((b) => b.kind === 'printed');
    if (printed.length > 0) {
      // The preview's search found what the file's check did not (it reads the printed text as the check reads the
      // file, so this should not happen): the preview's word stands, fail-closed.
      const findings: Finding[] = printed.map((b) => ({ kind: 'passage', part: 'word/document.xml', passageId: b.flagId, where: `flagged passage printed without its flag, under "${b.where}"` }));
      this.record(input.meetingId, input.kind, fileName, bytes, false, findings);
      throw new AppError('leak_detected', describeBlockers(printed), { details: { blockers: printed } });
    }
    const exportId = this.record(input.meetingId, input.kind, fileName, bytes, true, []);
    return { exportId, fileName, bytesBase64: Buffer.from(bytes).toString('base64'), check: { applied: true, passed: true, findings: [] } };
  }

  /**
   * A "Follow-up of actions" item's text was written when it was made: an action it lists whose item has been withheld
   * since (or whose words a flag now guards) is still there in full. While an item's description holds the whole text
   * of such an action, or the start of it where a long listing was cut (read as the check reads text), the agenda is
   * refused, naming the action. Every follow-up item of the meeting is read; only whole actions or their cut start:
   * words an action shares with other text are not looked for.
   */
  private refuseStaleFollowUp(meetingId: string, fileName: string, data: ExportData): void {
    for (const follow of this.followUpsOf(meetingId)) {
      const item = data.agenda.find((i) => i.id === follow.agendaItemId);
      if (!item) continue;
      const stale = follow.actions.filter((a) => listsWords(item.description, a.text));
      if (stale.length === 0) continue;
      const where = `item ${item.number} “${excerpt(item.title, 60)}”`;
      this.record(meetingId, 'agenda', fileName, new Uint8Array(), false, [
        { kind: 'passage', part: 'word/document.xml', passageId: null, where: `${stale.length} followed-up action(s) not for publication now, in ${where}` },
      ]);
      const named = stale.slice(0, 3).map((a) => `“${excerpt(a.text, 60)}” (minutes of ${a.meeting})`).join('; ');
      throw new AppError(
        'leak_detected',
        `The agenda was not produced: ${where} still lists the words of ${stale.length === 1 ? 'an action that is' : `${stale.length} actions that are`} not for publication now — ${named}${stale.length > 3 ? ' and more' : ''}: ` +
          `the item it was raised in has been withheld, or its words flagged${stale.some((a) => a.gone) ? ', or the action or its meeting deleted (so it is taken as not for publication)' : ''}, since the follow-up was made. ` +
          'Nothing was written; replace those words in that item\'s description (for example by "An action not for publication"), or remove the item and add the follow-up again, then try again.',
      );
    }
  }

  /**
   * A withheld item's words (its minutes, its description, its title where the meeting leaves withheld items out; the
   * meeting's withheld items in the trash included) typed in what the agenda prints: a published item's title,
   * presenter, description or documents, or a withheld item's title printed by its title only. The agenda is refused,
   * naming the words, where they are and the withheld item (`withheldCopiesIn`: the search of the public summary's
   * blockers, the same withheld texts and the same rule). An audit (2026-12-07) found a withheld item's minutes,
   * typed as a published item's description, printed on the agenda. Not searched for: the meeting's own title and
   * details, which the agenda prints anyway (a withheld item quoting them is no copy).
   */
  private refuseWithheldInAgenda(meetingId: string, fileName: string, data: ExportData): void {
    const places: PrintedPlace[] = [];
    for (const p of printedAgenda(data)) {
      const where = `item ${p.item.number} “${excerpt(p.item.title, 60)}”`;
      if (!p.withheld || data.meeting.withheldDisplay !== 'omit') places.push({ key: p.item.id, where: `the title of ${where}`, text: p.title });
      if (p.withheld) continue;
      places.push({ key: p.item.id, where: `the presenter of ${where}`, text: p.presenter });
      places.push({ key: p.item.id, where: `the description of ${where}`, text: p.description });
      for (const d of p.documents) places.push({ key: p.item.id, where: `the documents of ${where}`, text: `${d.title} ${d.reference}` });
    }
    const found = withheldCopiesIn(
      {
        meeting: data.meeting,
        agenda: data.agenda,
        sections: Object.entries(data.sections).map(([key, content]) => ({ key, content })),
        withheldItemIds: data.withheldItemIds,
        withheldElsewhere: data.withheldElsewhere,
      },
      places,
      [data.body.name, data.meeting.title, data.meeting.groupName, data.meeting.location],
      (key) => {
        const item = data.agenda.find((a) => a.id === key);
        return item ? itemHeading(item.number, item.title) : 'an item no longer on the agenda';
      },
    );
    if (found.length === 0) return;
    this.record(
      meetingId,
      'agenda',
      fileName,
      new Uint8Array(),
      false,
      found.map((b) => ({ kind: 'passage', part: 'word/document.xml', passageId: b.flagId, where: `words of the withheld item "${b.withheldIn}", printed in ${b.where}` })),
    );
    const list = found
      .slice(0, 3)
      .map((b) => `“${excerpt(b.printedAs ?? b.excerpt, 80)}” (in ${b.where}, from the withheld item “${b.withheldIn}”)`)
      .join('; ');
    throw new AppError(
      'leak_detected',
      `The agenda was not produced: ${found.length === 1 ? 'words of a withheld item are' : `words of withheld items are, in ${found.length} places,`} in what it prints: ${list}${found.length > 3 ? ' and more' : ''}. ` +
        'Nothing was written; rephrase or remove them there, or publish the withheld item if its text may be published, then try again.',
      { details: { blockers: found } },
    );
  }

  /**
   * A future topic put on an agenda as published, whose item of origin has been withheld since (or is gone), still has
   * its title (and notes) there: the agenda and the summary are refused while an item they print holds them, naming the
   * item and the topic (`staleTopics`, which the preview shows too).
   */
  private refuseStaleTopics(meetingId: string, kind: 'agenda' | 'public_summary', fileName: string, data: ExportData): void {
    const first = this.staleTopics(meetingId, data)[0];
    if (!first) return;
    this.record(meetingId, kind, fileName, new Uint8Array(), false, [
      { kind: 'passage', part: 'word/document.xml', passageId: null, where: `a future topic not for publication now, in ${first.where}` },
    ]);
    throw new AppError(
      'leak_detected',
      `The ${DOCUMENT_NAME[kind]} was not produced: ${first.where} holds the future topic “${excerpt(first.topic.title, 80)}”, raised in an item of ${first.raisedIn} that is not published now (withheld since the topic was put on the agenda, or gone), so its words may be confidential. ` +
        "Nothing was written; change that item's title and description so they no longer hold those words (or remove the item), then try again.",
    );
  }

  /**
   * The printed agenda items that hold a future topic not for publication now: for each such topic, the first item
   * holding it. The items looked at are those that carry the topic: the item it was picked into and every copy copied
   * agendas made of it (recorded, migration 022, whatever becomes of the meetings between), and, in the meeting it was
   * put on and the meetings whose agenda was copied from it, an item of its title or holding its notes (an item typed
   * again). In them its words are searched for as the redaction check searches (whole words, windows of a longer
   * text), so a title or notes edited in part still count, and an item that merely shares a word does not.
   */
  private staleTopics(meetingId: string, data: Pick<ExportData, 'agenda' | 'meeting'>): Array<{ where: string; topic: ConfidentialTopic; raisedIn: string }> {
    const lineage = this.agendaLineage(meetingId);
    const here = new Set(data.agenda.map((i) => i.id));
    const topics = this.topicsOf().filter((t) => (t.pickedMeetingId !== null && lineage.has(t.pickedMeetingId)) || t.itemIds.some((id) => here.has(id)));
    if (topics.length === 0) return [];
    const withheld = withheldItems(data.agenda);
    const titlesShown = data.meeting.withheldDisplay !== 'omit';
    const out: Array<{ where: string; topic: ConfidentialTopic; raisedIn: string }> = [];
    for (const t of topics) {
      const title = normaliseForMatch(t.title);
      const notes = normaliseForMatch(t.notes);
      const matcher = new PassageMatcher([{ id: 'title', text: t.title }, ...(notes.length > 0 ? [{ id: 'notes', text: t.notes }] : [])]);
      const item = data.agenda.find((item) => {
        if (t.raisedInSection === item.id) return false; // the item of origin: its meeting's withheld display decides
        const published = !withheld.has(item.id);
        if (!published && !titlesShown) return false;
        const inLineage = t.pickedMeetingId !== null && lineage.has(t.pickedMeetingId);
        const carries =
          t.itemIds.includes(item.id) ||
          t.agendaItemId === item.id ||
          (inLineage && (normaliseForMatch(item.title) === title || (notes.length >= MIN_NOTES && normaliseForMatch(item.description).includes(notes))));
        return carries && matcher.search(normaliseForMatch(published ? `${item.title}\n${item.description}` : item.title)).length > 0;
      });
      if (item) out.push({ where: `item ${item.number} “${excerpt(item.title, 60)}”`, topic: t, raisedIn: t.raisedIn });
    }
    return out;
  }

  /** The meeting and the meetings its agenda was copied from, up the chain (each meeting's "created" event says). */
  private agendaLineage(meetingId: string): Set<string> {
    const out = new Set<string>();
    for (let m: string | null = meetingId; m !== null && !out.has(m) && out.size < 50; m = this.meetingsRepo.agendaCopiedFrom(m)) out.add(m);
    return out;
  }

  /**
   * The file's redaction check (export/redaction-check.ts) against every passage a flag guards, this meeting's and
   * other meetings' (`forbiddenPassages`). On a finding the export is recorded as blocked and leak_detected is thrown,
   * naming each passage by its words and whose flag it is, where it is and what to do; the bytes are dropped.
   */
  private refuseFlagged(
    meetingId: string,
    kind: CheckedExportKind,
    fileName: string,
    data: ExportData,
    bytes: Uint8Array,
    docs: Pick<Documents, 'checkPublicDocx' | 'describeFindings'>,
  ): void {
    const passages = this.forbiddenPassages(data);
    const result = docs.checkPublicDocx(bytes, { passages });
    if (result.ok) return;
    this.record(meetingId, kind, fileName, bytes, false, result.findings);
    const details = { details: { findings: result.findings satisfies Finding[] } };
    if (kind !== 'public_summary') {
      // Named with the entry it is typed in (an agenda item's field, a participant): the officer's own text.
      throw new AppError(
        'leak_detected',
        `The ${DOCUMENT_NAME[kind]} was not produced: ${describeTypedFindings(kind, result.findings, data, passages, (id) => passageLabel(data, passages, id))}.`,
        details,
      );
    }
    const label = (id: string) => {
      const named = passageLabel(data, passages, id);
      // Another meeting's flag: what to do here.
      return passageFlaggedElsewhere(data, id) ? `${named} (a flag keeps its passage out of every public file: flag it here too, or remove it)` : named;
    };
    throw new AppError(
      'leak_detected',
      `The public summary was not produced: ${docs.describeFindings(result.findings, label)}. Nothing was written; check the flags and the withheld items, then try again.`,
      details,
    );
  }

  /**
   * A public summary of minutes that are not approved is a draft: it is produced only once the officer has confirmed
   * (confirmDraft), and then marked DRAFT on every page. Without the confirmation: invalid_transition, with details
   * the renderer turns into its question (DraftConfirmation).
   */
  private refuseUnconfirmedDraft(meetingId: string): void {
    this.meetings.mustGet(meetingId);
    const minutes = minutesInfo(new MinutesRepo(this.ctx.db).get(meetingId))!;
    if (!isDraft(minutes)) return;
    const status = MINUTES_STATUS_LABEL[minutes.status].toLowerCase();
    throw new AppError(
      'invalid_transition',
      `The minutes are not approved yet (version ${minutes.version}, ${status}): a public summary now would be a draft. Confirm to export it marked “DRAFT” on every page.`,
      { details: { needsConfirmation: 'draft', minutesStatus: status, version: minutes.version } satisfies DraftConfirmation },
    );
  }

  /** The public summary model of a meeting: the one function the live preview uses too (shared/redaction). */
  publicSummary(data: ExportData): PublicSummary {
    return publicSummaryOf(data);
  }

  /**
   * What must not be in the public file (shared/redaction/forbidden.ts: the same for every public document): the
   * passages this meeting's flags guard, and those other meetings' flags guard (`flaggedElsewhere`). A passage flagged
   * in one meeting and typed, unflagged, in another's minutes is refused there too, as the public register does: a flag
   * keeps its passage out of every public file until a person lifts it. (The summary's blockers stop it first, and the
   * live preview lists it: shared/redaction/public-summary.ts printedPassages.)
   */
  forbiddenPassages(data: ExportData): ForbiddenPassage[] {
    // In the zone the summary prints timestamps in (publicDocumentOptions), so a passage is searched as printed.
    return forbiddenPassages(Object.values(data.sections), [...data.flags.filter(guardsText), ...data.flaggedElsewhere], { timeZone: conventionsOf(data.body).timeZone });
  }

  /**
   * Everything the builders need, read through the services and the other features' repositories. Only a public file
   * needs the passages other meetings' flags guard (reading them walks the trash and other meetings' minutes): for
   * `internal` use (the four internal documents, the preview's layout options) they are left empty. Public by default.
   */
  gather(meetingId: string, use: 'public' | 'internal' = 'public'): ExportData {
    const { meeting, agenda } = this.meetings.get(meetingId);
    const db = this.ctx.db;
    const sections: Record<string, SerializedDoc> = {};
    for (const s of new MinutesRepo(db).sections(meetingId)) {
      try {
        sections[s.sectionKey] = JSON.parse(s.contentJson) as SerializedDoc;
      } catch {
        throw new AppError('storage', `The stored minutes of section "${s.sectionKey}" could not be read; nothing was exported.`);
      }
    }
    const flags = new FlagsRepo(db).listForMeeting(meetingId).map((f) => ({
      id: f.id,
      reason: FLAG_REASON_LABEL[f.reason] ?? f.reason,
      note: f.note,
      createdBy: f.createdBy,
      createdAt: f.createdAt,
      excerpt: f.excerpt,
      sectionKey: f.sectionKey,
      retiredAt: f.retiredAt,
      retiredReason: f.retiredReason,
      state: FLAG_STATE_LABEL[flagState(f)],
      retiredBy: f.retiredBy,
      unmarkedSince: f.unmarkedSince,
    }));
    return {
      body: this.members.body(),
      meeting,
      agenda,
      organisations: this.members.list(),
      attendance: this.attendance(meetingId),
      minutes: minutesInfo(new MinutesRepo(db).get(meetingId)),
      issuedAt: iso(this.ctx.now()),
      sections,
      flags,
      flaggedElsewhere: use === 'public' ? flaggedElsewhere(db, meetingId, this.ctx.now()).map((f) => ({ ...f, reason: FLAG_REASON_LABEL[f.reason] ?? f.reason })) : [],
      withheldElsewhere: use === 'public' ? withheldInTrash(db, meetingId, this.ctx.now()) : [],
      decisions: new DecisionsRepo(db).list(meetingId).map((d) => ({ id: d.id, text: d.text, outcome: DECISION_OUTCOME_LABEL[d.outcome] ?? d.outcome, sectionKey: d.sectionKey })),
      actions: new ActionsRepo(db).list(meetingId).map((a) => ({ id: a.id, text: a.text, owner: a.owner, dueDate: a.dueDate, status: a.status, sectionKey: a.sectionKey })),
      withheldItemIds: agenda.filter((a) => !a.forPublication).map((a) => a.id),
      procedure: this.procedureOf(meetingId),
    };
  }

  /**
   * The meeting's attendance as recorded: names and organisations as they were copied when each participant was
   * added (roster changes afterwards never reach the documents); membership from the organisation (a deleted one
   * counts as a member, since only members' representatives are on the roster).
   */
  private attendance(meetingId: string): ExportData['attendance'] {
    const membership = new Map(this.members.list().map((o) => [o.id, o.isMember]));
    return new AttendanceRepo(this.ctx.db).listAsRecorded(meetingId).map((p) => ({
      name: p.name,
      organisation: p.organisation,
      category: p.category,
      status: p.status,
      statusCode: p.status,
      member: p.organisationId ? (membership.get(p.organisationId) ?? true) : true,
      // arrivals and departures (status changes are recorded as events too: not printed)
      events: p.events.flatMap((e) => (e.kind === 'arrive' || e.kind === 'leave' ? [{ kind: e.kind, at: e.at }] : [])),
    }));
  }

  private record(meetingId: string, kind: ExportKind, fileName: string, bytes: Uint8Array, checkPassed: boolean | null, findings: Finding[]): string {
    const id = this.ctx.newId();
    const now = iso(this.ctx.now());
    const sha256 = nodeCrypto().createHash('sha256').update(bytes).digest('hex');
    this.ctx.db.transaction(() => {
      this.exportsRepo.insert({ id, meetingId, kind, fileName, createdAt: now, checkPassed, sha256, byteLength: bytes.length, findings });
      this.meetingsRepo.recordEvent(meetingId, now, checkPassed === false ? 'export_blocked' : 'exported', {
        exportId: id,
        kind,
        fileName,
        checkPassed,
        sha256,
        findings: findings.length,
      });
    })();
    return id;
  }
}

type Documents = typeof import('../export/documents');

/** One dynamic import, kept in one place (scripts/build.mjs turns it into a require of export-documents.cjs). */
function loadDocuments(): Promise<Documents> {
  return import('../export/documents');
}

/** The minutes' status and version; no minutes row yet means a first draft. */
function minutesInfo(row: { status: MinutesStatus; version: number } | undefined): ExportData['minutes'] {
  return row ? { status: row.status, version: row.version } : { status: 'draft', version: 1 };
}

/** Another meeting's flag that guards the passage `id` (a flag id, ids joined by "+", or a link address's). */
function passageFlaggedElsewhere(data: ExportData, id: string): ExportData['flaggedElsewhere'][number] | undefined {
  if (data.flags.some((f) => flagIdsOf(id).includes(f.id))) return undefined;
  return data.flaggedElsewhere.find((f) => f.id === id) ?? data.flaggedElsewhere.find((f) => flagIdsOf(id).includes(f.id));
}

const flagIdsOf = (id: string) => (id.endsWith(LINK_ADDRESS) ? id.slice(0, -LINK_ADDRESS.length) : id).split('+');

/**
 * A passage the check found, in the officer's words: its words (or a link's address) and whose flag it is — this
 * meeting's, with its reason and author, or another meeting's, with that meeting's title and date. Never a record's id.
 */
function passageLabel(data: ExportData, passages: readonly ForbiddenPassage[], id: string): string {
  // A flagged link's address is named as the address found, not by the link's words.
  const address = id.endsWith(LINK_ADDRESS) ? passages.find((p) => p.id === id)?.text : undefined;
  const ids = flagIdsOf(id);
  const flag = data.flags.find((f) => ids.includes(f.id));
  const other = passageFlaggedElsewhere(data, id);
  if (other) {
    const what = address === undefined ? `the passage “${excerpt(other.excerpt, 60)}”` : `the address “${excerpt(address, 60)}” of a link`;
    return `${what}, flagged "${other.reason}" in the minutes of ${other.meeting}`;
  }
  if (!flag) return address === undefined ? 'a flagged passage' : `the address “${excerpt(address, 60)}” of a flagged link`;
  const what = address === undefined ? `the passage “${excerpt(flag.excerpt, 60)}”` : `the address “${excerpt(address, 60)}” of a link`;
  const named = `${what} flagged "${flag.reason}" by ${flag.createdBy || 'someone'}`;
  // Its flagged original was deleted: the copy the check found is what remains of it (shared/redaction/forbidden.ts).
  return flag.retiredReason === 'text_removed' ? `${named} (its flagged text was deleted; a copy of it is still confidential: flag or remove the copy)` : named;
}

const DOCUMENT_NAME: Record<CheckedExportKind, string> = { public_summary: 'public summary', agenda: 'agenda', participants: 'list of participants' };

/** What to do, by where the passage is typed. */
const TYPED_ADVICE = {
  agenda: "change that text in the meeting's agenda",
  attendance: 'correct that entry of the attendance',
  title: "rename the meeting (on the meeting's page)",
  elsewhere: 'change that text',
} as const;

/**
 * Where a document the officer typed (the agenda, the attendance) holds each passage found, among the text it prints:
 * the agenda item and the field ("item 3 “Update…”, in its description"; of an item not for publication only its title,
 * and only when the meeting prints it) or the attendance entry ("in the attendance (“name, organisation”)"), else the
 * meeting's own title, else the words around it as the check read them. One clause per passage, at most three, and
 * the advice that fits where they are; lifting the flag is always the other way.
 */
function describeTypedFindings(
  kind: Exclude<CheckedExportKind, 'public_summary'>,
  findings: readonly Finding[],
  data: ExportData,
  passages: readonly ForbiddenPassage[],
  labelOf: (id: string) => string,
): string {
  const ids = [...new Set(findings.flatMap((f) => (f.passageId === null ? [] : [f.passageId])))];
  const places = new Set<keyof typeof TYPED_ADVICE>();
  const clauses = ids.map((id) => {
    const matcher = new PassageMatcher(passages.filter((p) => p.id === id));
    const holds = (text: string) => text !== '' && matcher.search(normaliseForMatch(text)).length > 0;
    const at = (item: ExportData['agenda'][number], field: string) => {
      places.add('agenda');
      return `${labelOf(id)}, is in item ${item.number} “${excerpt(item.title, 60)}”, in its ${field}`;
    };
    // Only what the agenda prints (agenda-printed.ts, as the builder): never a withheld item's description.
    if (kind === 'agenda')
      for (const printed of printedAgenda(data)) {
        if (holds(printed.title)) return at(printed.item, 'title');
        if (holds(printed.description)) return at(printed.item, 'description');
        if (holds(printed.presenter)) return at(printed.item, 'presenter');
        if (printed.documents.some((d) => holds(`${d.title} ${d.reference}`))) return at(printed.item, 'documents');
      }
    if (kind === 'participants') {
      const entry = data.attendance.find((a) => holds(a.name) || holds(a.organisation) || holds(`${a.name} ${a.organisation}`));
      if (entry) {
        places.add('attendance');
        return `${labelOf(id)}, is in the attendance (“${excerpt([entry.name, entry.organisation].filter(Boolean).join(', '), 80)}”)`;
      }
    }
    if (holds(data.meeting.title)) {
      places.add('title');
      return `${labelOf(id)}, is in the meeting's title`;
    }
    places.add('elsewhere');
    const near = findings.find((f) => f.passageId === id && f.excerpt)?.excerpt;
    return `${labelOf(id)}, is in the ${DOCUMENT_NAME[kind]}${near ? ` (near “${near}”)` : ''}`;
  });
  // Structural findings (the file itself is not as built): said as they are, rare.
  const other = findings.filter((f) => f.passageId === null).map((f) => `the file is not as built (${f.where})`);
  const all = [...clauses, ...other];
  const rest = all.length - 3;
  const advice = [...places].map((p) => TYPED_ADVICE[p]).join('; ') || TYPED_ADVICE.elsewhere;
  return `${all.slice(0, 3).join('; ')}${rest > 0 ? ` and ${rest} more finding${rest === 1 ? '' : 's'}` : ''}. Nothing was written; ${advice}, or make the flag cover only the confidential words (or lift it) if the rest may be published, then try again`;
}

function buildInternal(
  b: Pick<Documents, 'buildAgenda' | 'buildInternalMinutes' | 'buildParticipants' | 'buildRedactionRecord'>,
  kind: Exclude<ExportKind, 'public_summary'>,
  data: ExportData,
): Promise<Uint8Array> {
  switch (kind) {
    case 'agenda':
      return b.buildAgenda(data);
    case 'internal_minutes':
      return b.buildInternalMinutes(data);
    case 'participants':
      return b.buildParticipants(data);
    case 'redaction_record':
      return b.buildRedactionRecord(data);
  }
}

/**
 * The officer's message when the summary would print flagged passages: flags in force whose mark is gone (which
 * passage, where, what to do), passages another meeting's flag guards, typed here unflagged (that meeting named), and
 * words of a withheld item typed again in a published one (the item named).
 */
export function describeBlockers(blockers: readonly PublicationBlocker[]): string {
  const quote = (t: string) => `"${excerpt(t, 80)}"`;
  const own = blockers.filter((b) => b.kind === 'mark_missing');
  const printed = blockers.filter((b) => b.kind === 'printed');
  const other = blockers.filter((b) => b.kind === 'elsewhere');
  const withheld = blockers.filter((b) => b.kind === 'withheld');
  const clauses: string[] = [];
  if (own.length > 0) {
    const list = own.map((b) => `${quote(b.excerpt)} (under "${b.where}")`).join('; ');
    clauses.push(
      `${own.length === 1 ? 'a passage is' : `${own.length} passages are`} still flagged as not for publication, but ${own.length === 1 ? 'its mark is' : 'their marks are'} ` +
        `no longer in the minutes: ${list}. Open the Flags panel and choose "Flag again" to mark the text, or "Lift flag" if it may be published`,
    );
  }
  if (printed.length > 0) {
    const list = printed.map((b) => `${quote(b.excerpt)} (under "${b.where}")`).join('; ');
    clauses.push(
      `${printed.length === 1 ? 'a passage flagged in these minutes' : `${printed.length} passages flagged in these minutes`} would be printed without a flag: ${list}. ` +
        `Flag the copy too, or remove it; text that cannot be flagged (an item's title, the meeting's details) must be changed, or the flag lifted if the passage may be published`,
    );
  }
  if (other.length > 0) {
    const list = other.map((b) => `${quote(b.excerpt)} (under "${b.where}", flagged in the minutes of ${b.flaggedIn})`).join('; ');
    clauses.push(
      `${other.length === 1 ? 'a passage flagged in another meeting is' : `${other.length} passages flagged in other meetings are`} in these minutes without a flag: ${list}. ` +
        'A flag keeps its passage out of every public file: flag it here too, or remove it (or lift the flag in its own meeting if it may be published)',
    );
  }
  if (withheld.length > 0) {
    const list = withheld.map((b) => `${quote(b.printedAs ?? b.excerpt)} (under "${b.where}", from the withheld item “${b.withheldIn}”)`).join('; ');
    clauses.push(
      `${withheld.length === 1 ? 'words of a withheld item are' : `words of withheld items are, in ${withheld.length} places,`} in a published item: ${list}. ` +
        'Rephrase or remove them there, flag them in both items, or publish the withheld item if its minutes may be published',
    );
  }
  return `The public summary was not produced: ${clauses.join('; and ')}. Nothing was written.`;
}

/**
 * The public summary model of a meeting's export data: publicSummary() (shared/redaction, the one function the live
 * preview uses too) with the body's conventions, the action records and the timestamps in the body's zone.
 */
export function publicSummaryOf(data: ExportData): PublicSummary {
  return publicSummary({
    document: publicDocumentOptions(data),
    bodyName: data.body.name,
    meeting: data.meeting,
    agenda: data.agenda.map((a) => ({ id: a.id, number: a.number, title: a.title, parentId: a.parentId, forPublication: a.forPublication, description: a.description, presenter: a.presenter, documents: a.documents })),
    sections: Object.entries(data.sections).map(([key, content]) => ({ key, content })),
    attendance: data.attendance.map((a) => ({ organisation: a.organisation, status: a.statusCode ?? a.status })),
    withheldItemIds: data.withheldItemIds,
    flagsInForce: data.flags.filter((f) => f.retiredAt === null).map((f) => ({ id: f.id, excerpt: f.excerpt })),
    flagsTextRemoved: data.flags.filter((f) => f.retiredAt !== null && guardsText(f)).map((f) => ({ id: f.id, excerpt: f.excerpt })),
    flaggedElsewhere: data.flaggedElsewhere.map((f) => ({ id: f.id, excerpt: f.excerpt, meeting: f.meeting })),
    withheldElsewhere: data.withheldElsewhere,
    votes: publicVotesOf(data),
  });
}

/** Outcomes of the votes (counts and rule only): the public words are made from these by the model, never from names. */
function publicVotesOf(data: ExportData): PublicVote[] {
  const sectionOf = new Map(data.decisions.map((d) => [d.id, d.sectionKey]));
  return (data.procedure?.votes ?? []).map((v) => ({ decisionId: v.decisionId, sectionKey: sectionOf.get(v.decisionId) ?? '', outcome: v.outcome, rule: v.rule, tally: v.tally, ballotKind: v.ballot.kind }));
}

/** What the public summary states besides the minutes: the body's conventions, the meeting's lines, the action records. */
export function publicDocumentOptions(data: ExportData): LayoutOptions {
  const c = conventionsOf(data.body);
  return {
      meeting: data.meeting,
      chair: c.chair,
      timeZone: c.timeZone,
      issue: issueLine(c, data.issuedAt, data.meeting),
      reference: documentReference(c, data.meeting, 'public_summary'),
      draft: draftMarking(data.minutes),
      language: c.language,
      actions: data.actions.flatMap((a) => (a.id ? [{ recordId: a.id, status: a.status, dueDate: a.dueDate }] : [])),
  };
}

/** The shortest notes of a topic that mark an item as carrying it (a copy whose title was changed), read normalised. */
const MIN_NOTES = 20;

/** The shortest start of an action that counts as its words where a long listing was cut inside it (read normalised). */
const CUT_START = 20;

/**
 * Whether a follow-up description lists an action's words: its whole text, a line of the description that is the
 * start of it (the listing is cut at 3,900 characters, possibly inside an action: ProcedureService.addFollowUpItem),
 * or, as the redaction check searches a passage, a window of it (an action edited by a word in the description still
 * holds the rest of its words: an audit, 2026-12-07).
 */
function listsWords(description: string, text: string): boolean {
  const words = normaliseForMatch(text);
  if (words.trim() === '') return false;
  const listed = normaliseForMatch(description);
  if (listed.includes(words)) return true;
  const cutStart = description.split('\n').some((line) => {
    const start = normaliseForMatch(line);
    return start.length >= CUT_START && words.startsWith(start);
  });
  return cutStart || new PassageMatcher([{ id: 'action', text }]).search(listed).length > 0;
}
