import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MinutesState } from '../../shared/contract/minutes';
import type { RestoreResult, RevisionSummary, SaveResult } from '../../shared/domain/minutes';
import { call } from '../helpers/temp';
import { doc, meetingWithAgenda } from './minutes-fixture';
// The boundary refuses NUL, lone surrogates and U+FFFE/U+FFFF (test/contract/boundary-fuzz.test.ts); typed text never has them.
import { replaceForbiddenChars } from '../../shared/domain/common';

/**
 * Nothing typed is lost, for any sequence of saves, snapshots and restores on any sections with any text: the stored
 * content is always the last content written, each write bumps the rev by one, and revisions are never removed.
 */
const RUNS = Number(process.env.FC_RUNS ?? 60);

type Op =
  | { kind: 'save'; section: number; paragraphs: string[] }
  | { kind: 'snapshot'; section: number }
  | { kind: 'restore'; section: number; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('save' as const), section: fc.nat(4), paragraphs: fc.array(fc.string({ unit: 'binary', maxLength: 40 }).map(replaceForbiddenChars), { maxLength: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('snapshot' as const), section: fc.nat(4) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), section: fc.nat(4), pick: fc.nat() }) },
);

describe('minutes sections, property', () => {
  it('always hold the last content written, with revs counting writes and revisions only growing', async () => {
    const { backend } = await meetingWithAgenda();
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 15 }), async (ops) => {
        const { meetingId, items } = await meetingWithAgenda(backend);
        const keys = ['opening', ...items, 'closing'];
        const model = new Map<string, { json: string; rev: number; revisions: number }>();
        for (const o of ops) {
          const key = keys[o.section % keys.length]!;
          const m = model.get(key) ?? { json: JSON.stringify(doc().root.children), rev: 0, revisions: 0 };
          if (o.kind === 'save') {
            const content = doc(...o.paragraphs);
            const r = await call<SaveResult>(backend, 'minutes.saveSection', { meetingId, sectionKey: key, content, baseRev: m.rev });
            const json = JSON.stringify(content.root.children);
            const changed = json !== m.json || m.rev === 0;
            expect(r.rev).toBe(changed ? m.rev + 1 : m.rev);
            model.set(key, { ...m, json, rev: r.rev });
          } else if (o.kind === 'snapshot') {
            await call(backend, 'minutes.snapshot', { meetingId, sectionKey: key, reason: 'manual' });
          } else {
            const revs = await call<RevisionSummary[]>(backend, 'minutes.revisions', { meetingId, sectionKey: key });
            if (revs.length === 0) continue;
            const r = await call<RestoreResult>(backend, 'minutes.restoreRevision', { id: revs[o.pick % revs.length]!.id });
            expect(r.rev).toBe(m.rev + 1);
            model.set(key, { ...m, json: JSON.stringify(r.content.root.children), rev: r.rev });
          }
          const revisions = (await call<RevisionSummary[]>(backend, 'minutes.revisions', { meetingId, sectionKey: key })).length;
          expect(revisions).toBeGreaterThanOrEqual(m.revisions);
          model.set(key, { ...(model.get(key) ?? m), revisions });
        }
        const state = await call<MinutesState>(backend, 'minutes.get', { meetingId });
        for (const s of state.sections) {
          const m = model.get(s.key);
          expect(s.rev).toBe(m?.rev ?? 0);
          if (m && m.rev > 0) expect(JSON.stringify(s.content.root.children)).toBe(m.json);
        }
      }),
      { numRuns: RUNS, verbose: 1 },
    );
  });
});
