import type { AgendaItem } from '../../../shared/domain/agenda';
import type { Meeting } from '../../../shared/domain/meeting';
import type { SerializedDoc } from '../../../shared/editor/doc-model';
import type { PublicVote } from '../../../shared/procedure/outcome';
import type { FlagInForce } from '../../../shared/redaction/flag-state';
import type { FlaggedElsewhere, PublicSummary, WithheldElsewhere } from '../../../shared/redaction/public-model';
import { publicSummary, type LayoutOptions, type PublicMeetingInput } from '../../../shared/redaction/public-summary';

/** What the live preview is built from: the page's current state, never the stored copy alone. */
export interface PreviewSource {
  bodyName: string;
  meeting: Pick<Meeting, 'title' | 'startsAt' | 'redactionMarker' | 'withheldDisplay'>;
  agenda: ReadonlyArray<Pick<AgendaItem, 'id' | 'number' | 'title' | 'parentId' | 'forPublication'> & Partial<Pick<AgendaItem, 'description' | 'presenter' | 'documents'>>>;
  /** Every section's CURRENT content (the editor's, read at build time). */
  sections: ReadonlyArray<{ key: string; content: SerializedDoc }>;
  /** The meeting's participants as checked in (organisation and status). */
  attendance: ReadonlyArray<{ organisation: string; status: string }>;
  /** Flag records in force. */
  flagsInForce: readonly FlagInForce[];
  /** Flag records retired because their text was deleted (their words still guard). */
  flagsTextRemoved?: readonly FlagInForce[];
  /** The passages other meetings' flags guard (flags.list `elsewhere`). */
  flaggedElsewhere?: readonly FlaggedElsewhere[];
  /** The meeting's withheld items in the trash, with their text (exports.publicOptions `withheldElsewhere`). */
  withheldElsewhere?: readonly WithheldElsewhere[];
  /** The meeting's time and place lines and the action records ("Next steps": open actions only), as the export has them. */
  document?: LayoutOptions;
  /** Outcomes of votes (counts and rule only). */
  votes?: readonly PublicVote[];
}

/**
 * The preview, or why there is none: the model refused the minutes (the export would too), or, with `notBuilt`, the
 * preview itself could not be made this time (its code did not load, its worker was stopped), which says nothing of the
 * minutes.
 */
export type PreviewResult = { ok: true; summary: PublicSummary } | { ok: false; message: string; notBuilt?: true };

/** The exact input the public summary model gets for the preview: the same function the DOCX export uses. */
export function previewInput(src: PreviewSource): PublicMeetingInput {
  return {
    bodyName: src.bodyName,
    meeting: {
      title: src.meeting.title,
      startsAt: src.meeting.startsAt,
      redactionMarker: src.meeting.redactionMarker,
      withheldDisplay: src.meeting.withheldDisplay,
    },
    agenda: src.agenda.map((a) => ({ id: a.id, number: a.number, title: a.title, parentId: a.parentId, forPublication: a.forPublication, description: a.description ?? '', presenter: a.presenter ?? '', documents: a.documents ?? [] })),
    sections: src.sections.map((s) => ({ key: s.key, content: s.content })),
    attendance: src.attendance,
    flagsInForce: src.flagsInForce,
    flagsTextRemoved: src.flagsTextRemoved ?? [],
    flaggedElsewhere: src.flaggedElsewhere ?? [],
    withheldElsewhere: src.withheldElsewhere ?? [],
    ...(src.document ? { document: src.document } : {}),
    votes: src.votes ?? [],
  };
}

/**
 * Builds the preview. The model refuses content it cannot judge (an unknown node): the preview then says so instead
 * of showing something that might not match what would be published.
 */
export function buildPreview(src: PreviewSource): PreviewResult {
  try {
    return { ok: true, summary: publicSummary(previewInput(src)) };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
