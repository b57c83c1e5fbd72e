import type { StaleTopic } from '../../../shared/contract/exports';
import { excerpt } from '../../../shared/domain/minutes-labels';
import { href } from '../../app/router';

/**
 * The agenda items that hold a future topic not for publication now (its item of origin withheld since it was put on
 * this agenda, or gone): the export refuses the summary while they do (ExportService.staleTopics), so the preview says
 * so too, with which item and what to do. Nothing when there are none.
 */
export function PreviewTopics({ meetingId, topics }: { meetingId: string; topics: readonly StaleTopic[] }) {
  if (topics.length === 0) return null;
  return (
    <div className="error-note pv-blocked" role="alert" data-testid="preview-topics">
      <strong>The public summary cannot be exported yet.</strong> {topics.length === 1 ? 'An agenda item holds a future topic' : 'Agenda items hold future topics'}{' '}
      raised in an item that is not published now (withheld since the topic was put on this agenda, or gone), so {topics.length === 1 ? 'its' : 'their'} words
      may be confidential:
      <ul>
        {topics.map((t) => (
          <li key={`${t.where} ${t.topic}`}>
            “{excerpt(t.topic, 80)}” in {t.where}, raised in {t.raisedIn}
          </li>
        ))}
      </ul>
      Change the item’s title and description so they no longer hold those words, or remove the item: <a href={href({ name: 'meeting', id: meetingId })}>Open the meeting page</a>
    </div>
  );
}
