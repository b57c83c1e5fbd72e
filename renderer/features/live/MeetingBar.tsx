import { useEffect, useRef, type ReactNode } from 'react';
import type { LiveState } from '../../../shared/domain/minutes';
import type { SaveView } from '../minutes/saveState';
import { lagText, meetingRunning, type Schedule, type Timing } from './timing';
import { clock } from './useLiveClock';

/**
 * The meeting bar: always in view (sticky) while the minutes scroll. Says where the meeting is (current item, its
 * planned against elapsed time, the meeting clock, the projected end and whether it runs behind), whether every word is
 * saved, and holds Start/End meeting. Its height is published as --bar-h so headings scroll to just under it.
 */
export function MeetingBar(props: {
  title: ReactNode;
  live: LiveState;
  currentLabel: string | null;
  currentTiming: Timing | null;
  meetingSeconds: number;
  schedule: Schedule | null;
  save: SaveView;
  readOnly: boolean;
  onStart: () => void;
  onEnd: () => void;
  /** Status buttons, suggestions switch, help. */
  tools: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const page = el.closest<HTMLElement>('.minutes-page') ?? document.documentElement;
    // Setting the variable makes the browser recompute the style of everything on the page (all of it inherits it):
    // only when the bar's height is a pixel or more off what the page has: at first the stylesheet's value, that of
    // the usual two-row bar (its lines have a fixed line-height; other fonts move it by a fraction of a pixel).
    const set = () => {
      const height = el.getBoundingClientRect().height;
      const used = parseFloat(getComputedStyle(page).getPropertyValue('--bar-h'));
      if (!(Math.abs(used - height) < 1)) page.style.setProperty('--bar-h', `${Math.ceil(height)}px`);
    };
    set();
    const ro = new ResizeObserver(set);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const { live, currentTiming: t, schedule: s } = props;
  const running = meetingRunning(live);
  return (
    <div className="meeting-bar" ref={ref} role="region" aria-label="Meeting bar" id="meeting-bar">
      <div className="bar-row">
        {props.title}
        <span className={`saving-indicator ${props.save.tone}`} role="status" aria-live="polite" title={props.save.detail}>
          {props.save.label}
        </span>
        <div className="bar-tools">{props.tools}</div>
      </div>
      <div className="bar-row live-row">
        <span className="bar-current" aria-label="Current item">
          {props.currentLabel ? (
            <>
              <span className="muted">Now:</span> {props.currentLabel}
            </>
          ) : (
            <span className="muted">No item selected</span>
          )}
        </span>
        {t && (
          <span className={t.over > 0 ? 'bar-item over' : 'bar-item'} aria-label="Time on the current item">
            {clock(t.elapsed)}
            {t.planned > 0 && ` / ${clock(t.planned)} planned`}
            {t.over > 0 && <strong> +{clock(t.over)} over</strong>}
          </span>
        )}
        {live.startedAt && (
          <span className="meeting-clock" aria-label="Meeting time">
            Meeting {clock(props.meetingSeconds)}
            {live.endedAt ? ' (ended)' : ''}
          </span>
        )}
        {running && s && (
          <>
            <span className="bar-projected">Projected end {new Date(s.projectedEnd).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}</span>
            <span className={s.lag >= 60 ? 'bar-lag behind' : 'bar-lag'}>{lagText(s.lag)}</span>
          </>
        )}
        <span className="bar-spacer" />
        {running ? (
          <button type="button" onClick={props.onEnd}>
            End meeting
          </button>
        ) : (
          <button type="button" className="primary" onClick={props.onStart} disabled={props.readOnly}>
            {live.endedAt ? 'Resume meeting' : 'Start meeting'}
          </button>
        )}
      </div>
    </div>
  );
}
