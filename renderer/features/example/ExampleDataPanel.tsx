import type { Organisation } from '../../../shared/domain/members';
import { api } from '../../api';
import { useConfirm } from '../../ui/Dialog';
import { ErrorNote, useAction } from '../../ui/kit';

/**
 * The example's made-up organisations, apart from the real roster and clearly marked, with one button that removes
 * the example meeting and these organisations (nothing of the real roster is touched).
 */
export function ExampleDataPanel({ organisations, meetings, onRemoved }: { organisations: Organisation[]; meetings: number; onRemoved: () => void }) {
  const act = useAction();
  const [confirmDialog, ask] = useConfirm();
  if (organisations.length === 0 && meetings === 0) return null;
  const remove = async () => {
    const ok = await ask({
      title: 'Remove the example data?',
      message: `The example meeting${meetings === 1 ? '' : 's'} (${meetings}) and the ${organisations.length} example organisation(s) will be removed. Your own meetings and organisations are not touched.`,
      confirm: 'Remove the example data',
      danger: true,
    });
    if (ok && (await act.run(() => api.call('example.remove', { confirm: true })))) onRemoved();
  };
  return (
    <section className="card example-data" aria-labelledby="example-data-title">
      <div className="section-head">
        <h2 id="example-data-title">
          Example data <span className="badge">not part of the roster</span>
        </h2>
        <button type="button" className="danger" onClick={remove} disabled={act.busy}>
          Remove the example data
        </button>
      </div>
      <p className="hint">
        Loaded with the example meeting ({meetings} meeting{meetings === 1 ? '' : 's'}). These organisations are made up for the example and are kept apart
        from your members.
      </p>
      <ul aria-label="Example organisations">
        {organisations.map((o) => (
          <li key={o.id}>
            {o.name}
            {o.representatives.length > 0 && <span className="sub"> — {o.representatives.map((r) => r.name).join(', ')}</span>}
          </li>
        ))}
      </ul>
      <ErrorNote error={act.error} />
      {confirmDialog}
    </section>
  );
}
