import type { AgendaItem } from '../../../shared/domain/agenda';
import type { Meeting } from '../../../shared/domain/meeting';
import type { SerializedDoc } from '../../../shared/editor/doc-model';
import type { PublicDocument } from '../../../shared/redaction/public-model';
import { redact, type RedactionInput } from '../../../shared/redaction/redact';

/** What the live preview is built from: the page's current state, never the stored copy alone. */
export interface PreviewSource {
  bodyName: string;
  meeting: Pick<Meeting, 'title' | 'startsAt' | 'redactionMarker' | 'withheldDisplay'>;
  agenda: ReadonlyArray<Pick<AgendaItem, 'id' | 'number' | 'title' | 'parentId' | 'forPublication'>>;
  /** Every section's CURRENT content (the editor's, read at build time). */
  sections: ReadonlyArray<{ key: string; content: SerializedDoc }>;
  /** Names of the organisations represented (attendance summary). */
  organisations: readonly string[];
}

export type PreviewResult = { ok: true; doc: PublicDocument } | { ok: false; message: string };

/** The exact input redact() gets for the preview: the same function the public summary export uses. */
export function previewInput(src: PreviewSource): RedactionInput {
  return {
    bodyName: src.bodyName,
    meeting: {
      title: src.meeting.title,
      startsAt: src.meeting.startsAt,
      redactionMarker: src.meeting.redactionMarker,
      withheldDisplay: src.meeting.withheldDisplay,
    },
    agenda: src.agenda.map((a) => ({ id: a.id, number: a.number, title: a.title, parentId: a.parentId, forPublication: a.forPublication })),
    sections: src.sections.map((s) => ({ key: s.key, content: s.content })),
    organisations: [...new Set(src.organisations.filter((n) => n.trim() !== ''))].sort((a, b) => a.localeCompare(b, 'en')),
  };
}

/**
 * Builds the preview. redact() refuses content it cannot judge (an unknown node): the preview then says so instead
 * of showing something that might not match what would be published.
 */
export function buildPreview(src: PreviewSource): PreviewResult {
  try {
    return { ok: true, doc: redact(previewInput(src)) };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
