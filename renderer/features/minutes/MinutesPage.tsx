import { href } from '../../app/router';

/** Placeholder until the live-minutes feature lands. */
export function MinutesPage({ id }: { id: string }) {
  return (
    <section>
      <h1 tabIndex={-1}>Minutes</h1>
      <p>
        <a href={href({ name: 'meeting', id })}>Back to the meeting</a>
      </p>
    </section>
  );
}
