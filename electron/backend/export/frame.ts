import { AlignmentType, Paragraph, type FileChild } from 'docx';
import { conventionsOf, documentReference, draftMarking, issueLine, type Conventions } from './conventions';
import { meetingDate } from './dates';
import { meetingMetaLines } from './meeting-meta';
import { textRuns } from './sanitise';
import { instantOfDate, packHouseDocument, titleBlock } from './style';
import { EXPORT_KIND_LABEL, type ExportData, type ExportKind } from './types';

export interface DocumentFrame {
  conventions: Conventions;
  reference: string;
  /** The draft marking, or null. */
  draft: string | null;
  /** Place and date of issue, title, subtitle, meeting lines, reference, and the markings in the body. */
  head: Paragraph[];
  pack(children: FileChild[]): Promise<Uint8Array>;
}

/**
 * What every document of a meeting shares: "Brussels, <date of issue>", the title block with the meeting's time
 * (in the body's zone), place, chair and reference, the draft and internal markings (in the body and in the header
 * of every page), the language, and deterministic properties.
 */
export function documentFrame(
  data: ExportData,
  kind: ExportKind,
  subtitle: string,
  o: { internal: boolean; fromMinutes: boolean; extraMeta?: string[] },
): DocumentFrame {
  const c = conventionsOf(data.body);
  const { meeting } = data;
  const reference = documentReference(c, meeting, kind);
  const draft = o.fromMinutes ? draftMarking(data.minutes) : null;
  const markings = [draft, o.internal ? c.internalMarking : null].filter((m): m is string => !!m);
  const meta = [...meetingMetaLines(meeting, c.chair, c.timeZone), ...(o.extraMeta ?? []), ...(reference ? [`Reference: ${reference}`] : [])];
  const head = [issueParagraph(issueLine(c, data.issuedAt, meeting)), ...titleBlock(meeting.title, subtitle, meta, markings)];
  return {
    conventions: c,
    reference,
    draft,
    head,
    pack: (children) =>
      packHouseDocument({
        bodyName: c.bodyName,
        title: `${meeting.title} – ${EXPORT_KIND_LABEL[kind]}`,
        confidential: o.internal,
        internalMarking: c.internalMarking,
        draftMarking: draft,
        reference,
        language: c.language,
        children,
        fixedInstant: instantOfDate(meetingDate(meeting.startsAt)),
      }),
  };
}

/** The place and date of issue, right-aligned above the title. */
export function issueParagraph(line: string): Paragraph {
  return new Paragraph({ style: 'Meta', alignment: AlignmentType.RIGHT, spacing: { after: 240 }, children: textRuns(line) });
}
