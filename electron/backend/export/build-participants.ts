import { Paragraph, TextRun, type FileChild } from 'docx';
import { documentFrame } from './frame';
import { participantGroups, type ListedPerson } from './participants-model';
import { textRuns } from './sanitise';
import { COLOUR } from './style';
import { simpleTable, type Cell } from './tables';
import type { ExportData } from './types';

/**
 * The list of participants of a meeting, from its attendance as recorded (names as they were then; the roster's
 * later changes never reach it): member organisations present, each with its representatives (one row per
 * organisation, so a row never continues on the next page without its organisation), then observers, external
 * experts, AI Office staff, and those excused. Absent people are not listed.
 */
export function buildParticipants(data: ExportData): Promise<Uint8Array> {
  const frame = documentFrame(data, 'participants', 'List of participants', { internal: false, fromMinutes: true });
  const g = participantGroups(data.attendance);
  const children: FileChild[] = [...frame.head];
  const mode = (p: ListedPerson) => (p.remote ? 'Remote' : 'In person');

  const total = g.counts.inPerson + g.counts.remote;
  children.push(
    new Paragraph({
      children: textRuns(
        total === 0
          ? 'No attendance was recorded for this meeting.'
          : `${total} participant${total === 1 ? '' : 's'} (${g.counts.inPerson} in person, ${g.counts.remote} remotely); ${g.counts.organisations} member organisation${g.counts.organisations === 1 ? '' : 's'} represented.`,
      ),
    }),
  );

  children.push(new Paragraph({ heading: 'Heading1', children: textRuns('Member organisations') }));
  if (g.members.length === 0) children.push(new Paragraph({ children: textRuns('No member organisation was represented.') }));
  else
    children.push(
      simpleTable(
        ['Organisation', 'Representatives'],
        g.members.map(({ organisation, people }): Cell[] => [
          organisation,
          people.map((p) => [
            ...textRuns(p.name),
            ...(p.remote ? [new TextRun({ text: ' (remote)', color: COLOUR.muted })] : []),
          ]),
        ]),
        [4, 6],
      ),
    );

  const group = (title: string, people: ListedPerson[]) => {
    if (people.length === 0) return;
    children.push(new Paragraph({ heading: 'Heading1', children: textRuns(title) }));
    children.push(simpleTable(['Name', 'Organisation', 'Attendance'], people.map((p) => [p.name, p.organisation || '—', mode(p)]), [4, 4, 2]));
  };
  group('Observers', g.observers);
  group('External experts', g.experts);
  group('AI Office', g.aiOffice);
  if (g.excused.length) {
    children.push(new Paragraph({ heading: 'Heading1', children: textRuns('Excused') }));
    children.push(simpleTable(['Name', 'Organisation'], g.excused.map((p) => [p.name, p.organisation || '—']), [5, 5]));
  }
  return frame.pack(children);
}
