import type { LiveState, Section } from '../../../shared/domain/minutes';
import type { Timing } from './timing';
import { clock } from './useLiveClock';

/** The outline's name, also its place's while it waits (minutes/PendingSides.tsx). */
export const OUTLINE_LABEL = 'Sections of the minutes';

/**
 * The meeting at a glance: every section with planned against elapsed time (a parent item counting its sub-items'),
 * the current one highlighted, an overrun visible (not by colour alone: "+3:10 over"). Clicking a section moves the
 * meeting there. Each button's name starts with its visible text.
 */
export function LiveOutline(props: {
  sections: ReadonlyArray<Omit<Section, 'content'>>;
  live: LiveState;
  timing: Map<string, Timing>;
  onGoto: (key: string) => void;
  onToggleTimer: (key: string) => void;
}) {
  const { live } = props;
  return (
    <nav className="live-outline" aria-label={OUTLINE_LABEL}>
      <ol>
        {props.sections.map((section) => {
          const t = props.timing.get(section.key) ?? { planned: 0, elapsed: 0, over: 0 };
          const current = live.currentSection === section.key;
          const running = live.runningSection === section.key;
          const name = `${section.number ? `${section.number} ` : ''}${section.title}`;
          return (
            <li key={section.key} className={[current ? 'current' : '', t.over > 0 ? 'over' : '', section.number.includes('.') ? 'child' : ''].join(' ')}>
              <button type="button" className="goto" onClick={() => props.onGoto(section.key)} aria-current={current ? 'step' : undefined} title={`Go to ${name}`}>
                <span className="num">{section.number}</span>
                <span className="ttl">{section.title}</span>
              </button>
              <span className="timing">
                <button
                  type="button"
                  className={running ? 'timer running' : 'timer'}
                  onClick={() => props.onToggleTimer(section.key)}
                  aria-pressed={running}
                  aria-label={`Timer of ${name}`}
                  title={running ? 'Stop timer' : 'Start timer'}
                >
                  {running ? '❚❚' : '▶'}
                </button>
                <span className="elapsed">{clock(t.elapsed)}</span>
                {t.planned > 0 && <span className="planned">/ {clock(t.planned)}</span>}
                {t.over > 0 && <span className="overrun">+{clock(t.over)} over</span>}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
