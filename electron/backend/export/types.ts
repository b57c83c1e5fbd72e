import type { AgendaItem } from '../../../shared/domain/agenda';
import type { Meeting } from '../../../shared/domain/meeting';
import type { Organisation } from '../../../shared/domain/members';
import type { SerializedDoc } from '../../../shared/editor/doc-model';
import type { MinutesStatus } from '../../../shared/domain/minutes';
import type { ApprovalRecord, DecisionVote, Invitation, Safeguard } from '../../../shared/procedure';
import type { WithheldElsewhere } from '../../../shared/redaction/public-model';

/**
 * Everything the internal documents are built from: plain data, gathered by the export service, so that every
 * builder is a pure function of it. The public summary is NOT built from this (see build-public-summary.ts): it
 * takes the PublicDocument that redact() made, and nothing else.
 */
export interface ExportData {
  /** The body and its document conventions (reference, place of issue, time zone, language, internal marking). */
  body: DocumentConventions;
  /** When the documents are issued (the export), an ISO instant: "Brussels, <date>" is its date in the body's zone. */
  issuedAt?: string;
  /** The minutes' status and version: anything built from minutes that are not approved is marked "Draft". */
  minutes?: { status: MinutesStatus; version: number };
  meeting: Meeting;
  /** In agenda order, numbered (orderAndNumber). */
  agenda: AgendaItem[];
  /** With their representatives. */
  organisations: Organisation[];
  attendance: AttendanceEntry[];
  /** Minutes text per section: agenda item id, or 'opening' / 'closing'. */
  sections: Record<string, SerializedDoc>;
  flags: FlagRecord[];
  /**
   * The passages other meetings' flags still guard (services/flagged-elsewhere.ts), with that meeting's title and date
   * and the reason in words: the public summary must not print them either.
   */
  flaggedElsewhere: Array<{ id: string; excerpt: string; reason: string; meeting: string }>;
  /**
   * The meeting's withheld items removed from its agenda and kept in the trash, with their text
   * (services/withheld-in-trash.ts): no public document may print it either.
   */
  withheldElsewhere: WithheldElsewhere[];
  decisions: DecisionRecord[];
  actions: ActionRecord[];
  /** Agenda items withheld from publication. */
  withheldItemIds: string[];
  /** The body's procedure (shared/procedure): votes with outcomes, competition-law safeguards, the approval record. */
  procedure?: ProcedureRecord;
}

export interface ProcedureRecord {
  votes: DecisionVote[];
  safeguards: Safeguard[];
  approval: ApprovalRecord;
  /** External experts and observers invited by a decision (internal minutes). */
  invitations?: Array<Invitation & { name: string }>;
  /** Member organisation names by id (who voted how, internal minutes only). */
  organisationNames: Record<string, string>;
}

/**
 * A meeting's "Follow-up of actions" item and the actions it lists whose words are confidential now (raised in an item
 * withheld since, or holding words a flag guards since, or gone since: deleted, or their meeting in the trash), with
 * the words each was listed with and its words now: the item's text was written when it was made, so the agenda is
 * refused while that text still holds one of them (ExportService, ProcedureService.confidentialFollowUps).
 */
/**
 * A future topic put on an agenda as published whose item of origin is not published now (withheld since, or gone):
 * its title and notes must not be printed (ExportService.refuseStaleTopics, ProcedureService.confidentialTopics).
 */
export interface ConfidentialTopic {
  title: string;
  notes: string;
  /** The meeting it was put on the agenda of (it stays when the item is removed; null once that meeting is deleted). */
  pickedMeetingId: string | null;
  /** The item it came onto the agenda as (null once removed; a copy in a copied agenda is found by its words). */
  agendaItemId: string | null;
  /** Every item that carries it: the one it was picked into and the copies copied agendas made (migration 022). */
  itemIds: readonly string[];
  /** The item it was raised in: its own title is printed as the meeting's withheld display says, not looked at here. */
  raisedInSection: string | null;
  /** Where it was raised, for the officer ("“Second plenary” of 3 February 2026", or "an earlier meeting"). */
  raisedIn: string;
}

export interface ConfidentialFollowUps {
  agendaItemId: string;
  /** `gone`: the action, or its meeting, was deleted since it was listed (so where it was raised is unknown). */
  actions: Array<{ text: string; meeting: string; gone?: boolean }>;
}

/** The body's name and chair, and its conventions; every convention has a default (DEFAULT_DOCUMENT_CONVENTIONS). */
export interface DocumentConventions {
  name: string;
  chair: string;
  referencePrefix?: string;
  placeOfIssue?: string;
  timeZone?: string;
  language?: string;
  internalMarking?: string;
}

/** One participant as recorded for the meeting (names as they were then: roster changes never reach the documents). */
export interface AttendanceEntry {
  name: string;
  organisation: string;
  /** Stored category code: 'representative', 'observer', 'external_expert', 'ai_office_staff'. */
  category: string;
  /** Stored status code: 'in_person', 'remote', 'excused', 'absent'. */
  status: string;
  /** Same as status (kept for callers that read it). */
  statusCode?: string;
  /** For representatives: whether their organisation is a member of the body (default: yes). */
  member?: boolean;
  /** Timed arrivals and departures, ISO instants, in order. */
  events?: Array<{ kind: 'arrive' | 'leave'; at: string }>;
}

export interface FlagRecord {
  id: string;
  reason: string;
  note: string;
  createdBy: string;
  /** ISO instant. */
  createdAt: string;
  /** The flagged text as it stood when exported (what must never reach a public file). */
  excerpt: string;
  sectionKey: string;
  /** ISO instant when the flag left force (lifted, lifted by undo, text removed), or null while it is in force. */
  retiredAt: string | null;
  /** Why it left force ('text_removed', 'unflagged', 'undo'), or null while in force: a flag whose text was removed still guards it (shared/domain/flags-labels.ts guardsText). */
  retiredReason?: string | null;
  /** Its state in words (shared/domain/flags: FLAG_STATE_LABEL), e.g. "Lifted by undo". */
  state?: string;
  /** Who lifted it, when a person did. */
  retiredBy?: string;
  /** Since when a flag in force has had no mark (its text still in the minutes), or null. */
  unmarkedSince?: string | null;
}

export interface DecisionRecord {
  /** The decision's id (links its vote, if any). */
  id?: string;
  text: string;
  outcome: string;
  sectionKey: string;
}

export interface ActionRecord {
  /** The record's id (the minutes' action block carries it as recordId). */
  id?: string;
  text: string;
  owner: string;
  /** YYYY-MM-DD or ''. */
  dueDate: string;
  status: string;
  sectionKey: string;
}

export { type ExportKind } from '../../../shared/contract/exports';
import type { ExportKind } from '../../../shared/contract/exports';

/** The part of a document title that names the kind, used in the document and in the default file name. */
export const EXPORT_KIND_LABEL: Record<ExportKind, string> = {
  agenda: 'agenda',
  internal_minutes: 'internal minutes',
  public_summary: 'public summary',
  participants: 'list of participants',
  redaction_record: 'redaction record',
};
