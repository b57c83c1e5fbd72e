import type { LiveState, Section } from '../../../shared/domain/minutes';
import { clock } from './useLiveClock';

export interface OutlineSection {
  section: Section;
  plannedMinutes: number;
}

/**
 * The meeting at a glance: every section with planned against elapsed time, the current one highlighted, an overrun
 * visible (not by colour alone: "+3:10 over"). Clicking a section moves the meeting there.
 */
export function LiveOutline(props: {
  sections: OutlineSection[];
  live: LiveState;
  elapsed: (key: string) => number;
  onGoto: (key: string) => void;
  onToggleTimer: (key: string) => void;
}) {
  const { live } = props;
  return (
    <nav className="live-outline" aria-label="Sections of the minutes">
      <ol>
        {props.sections.map(({ section, plannedMinutes }) => {
          const secs = props.elapsed(section.key);
          const over = plannedMinutes > 0 && secs > plannedMinutes * 60;
          const current = live.currentSection === section.key;
          const running = live.runningSection === section.key;
          return (
            <li key={section.key} className={[current ? 'current' : '', over ? 'over' : '', section.number.includes('.') ? 'child' : ''].join(' ')}>
              <button
                type="button"
                className="goto"
                onClick={() => props.onGoto(section.key)}
                aria-current={current ? 'step' : undefined}
                aria-label={`Go to ${section.number ? `item ${section.number} ` : ''}${section.title}`}
              >
                <span className="num">{section.number}</span>
                <span className="ttl">{section.title}</span>
              </button>
              <span className="timing" aria-label={`${clock(secs)} elapsed of ${plannedMinutes} minutes planned`}>
                <button
                  type="button"
                  className={running ? 'timer running' : 'timer'}
                  onClick={() => props.onToggleTimer(section.key)}
                  aria-pressed={running}
                  aria-label={`${running ? 'Stop' : 'Start'} the timer of ${section.title}`}
                  title={running ? 'Stop timer' : 'Start timer'}
                >
                  {running ? '❚❚' : '▶'}
                </button>
                <span className="elapsed">{clock(secs)}</span>
                {plannedMinutes > 0 && <span className="planned">/ {plannedMinutes}:00</span>}
                {over && <span className="overrun">+{clock(secs - plannedMinutes * 60)} over</span>}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
