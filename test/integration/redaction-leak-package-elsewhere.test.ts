import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PackageFile, PackageImported } from '../../shared/contract/packages';
import type { FlagList } from '../../shared/domain/flags';
import { call, makeBackend } from '../helpers/temp';
import { doc, flag, p, t } from '../fixtures/export-data';
import { exported, meeting, printed, save, type B } from './redaction-leak-helpers';

/**
 * A meeting package of a meeting (M2) that holds, unflagged, words another meeting (M1) flags. On the machine that
 * made it, M2's public summary is refused (flagged-elsewhere.ts); the package carries those words, so the import on a
 * fresh machine (which has no M1) makes them flags of M2 in force with their mark missing: refused there too until
 * the officer flags the words or lifts the flag.
 */
const SECRET = 'Zqsecret Acme plans the closure of its Lyon plant';
const PLAIN = 'The chair opened the meeting and welcomed the members';

/** M1 flags SECRET; M2 holds it unflagged (and `extra` besides). */
async function twoMeetings(b: B, extra = '') {
  const m1 = await meeting(b, 'First plenary', '02-03');
  await save(b, m1.m, m1.a, doc(p(t('Reported: '), flag(['F1'], t(SECRET)), t('.'))));
  const m2 = await meeting(b, 'Second plenary', '03-03');
  await save(b, m2.m, m2.a, doc(p(t(`Recalled: ${SECRET}.${extra}`))));
  return { m1, m2 };
}

const packageJson = (f: PackageFile) => JSON.parse(Buffer.from(f.bytesBase64, 'base64').toString('utf8')) as Record<string, unknown>;
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64');

describe('a package of a meeting that holds words another meeting flags, imported on a fresh machine', () => {
  it('is refused there until the officer acts, the words are not printed, and the officer is told', async () => {
    const b = makeBackend();
    const { m2 } = await twoMeetings(b);
    expect(await exported(b, m2.m)).toHaveProperty('refused');
    const pkg = await call<PackageFile>(b, 'packages.export', { meetingId: m2.m });
    const json = packageJson(pkg);
    expect(json.version).toBe(1);
    expect(json.guardedElsewhere).toEqual([{ excerpt: SECRET, reason: 'commercially_confidential', sectionKey: m2.a }]);
    // The other meeting is not named with them: only the words this meeting already holds.
    expect(JSON.stringify(json.guardedElsewhere)).not.toContain('First plenary');

    const fresh = makeBackend();
    const r = await call<PackageImported>(fresh, 'packages.import', { bytesBase64: pkg.bytesBase64 });
    expect(r.guardedElsewhere).toBe(1);
    expect(r.carried.message).toMatch(/another meeting keeps confidential/);
    const out = await exported(fresh, m2.m);
    expect(printed(out, SECRET)).toBe(false);
    expect(out).toMatchObject({ refused: expect.stringMatching(/Flag again/) });
    // The Flags panel (and the live preview's blocker) show it: in force, its mark missing, with a note.
    const flags = (await call<FlagList>(fresh, 'flags.list', { meetingId: m2.m })).flags;
    expect(flags).toMatchObject([{ meetingId: m2.m, sectionKey: m2.a, excerpt: SECRET, retiredAt: null, unmarkedSince: expect.any(String), note: expect.stringMatching(/another meeting/) }]);
  });

  it('an encrypted package carries the words too', async () => {
    const b = makeBackend();
    const { m2 } = await twoMeetings(b);
    const pkg = await call<PackageFile>(b, 'packages.export', { meetingId: m2.m, passphrase: 'correct horse battery' });
    expect(packageJson(pkg).version).toBe(1);
    const fresh = makeBackend();
    await call(fresh, 'packages.import', { bytesBase64: pkg.bytesBase64, passphrase: 'correct horse battery' });
    expect(printed(await exported(fresh, m2.m), SECRET)).toBe(false);
  });

  it('a meeting that holds no other meeting’s flagged words: the package carries nothing and is as before', async () => {
    const b = makeBackend();
    await twoMeetings(b);
    const m3 = await meeting(b, 'Third plenary', '04-03');
    await save(b, m3.m, m3.a, doc(p(t(`${PLAIN}.`))));
    const pkg = await call<PackageFile>(b, 'packages.export', { meetingId: m3.m });
    const json = packageJson(pkg);
    expect(json.version).toBe(1);
    expect(json).not.toHaveProperty('guardedElsewhere');
    const fresh = makeBackend();
    const r = await call<PackageImported>(fresh, 'packages.import', { bytesBase64: pkg.bytesBase64 });
    expect({ guarded: r.guardedElsewhere, message: r.carried.message }).toEqual({ guarded: 0, message: '' });
    expect((await call<FlagList>(fresh, 'flags.list', { meetingId: m3.m })).flags).toEqual([]);
    expect(printed(await exported(fresh, m3.m), PLAIN)).toBe(true);
  });

  it('lifting the carried flag on the fresh machine lets the summary go out (the officer’s explicit choice)', async () => {
    const b = makeBackend();
    const { m2 } = await twoMeetings(b);
    const pkg = await call<PackageFile>(b, 'packages.export', { meetingId: m2.m });
    const fresh = makeBackend();
    await call(fresh, 'packages.import', { bytesBase64: pkg.bytesBase64 });
    const [carried] = (await call<FlagList>(fresh, 'flags.list', { meetingId: m2.m })).flags;
    await call(fresh, 'flags.unflag', { id: carried!.id });
    expect(printed(await exported(fresh, m2.m), SECRET)).toBe(true);
  });

  it('flagging the words again on the fresh machine (the page puts the mark) hides them and lets the summary go out', async () => {
    const b = makeBackend();
    const { m2 } = await twoMeetings(b, ` ${PLAIN}.`);
    const pkg = await call<PackageFile>(b, 'packages.export', { meetingId: m2.m });
    const fresh = makeBackend();
    await call(fresh, 'packages.import', { bytesBase64: pkg.bytesBase64 });
    const [carried] = (await call<FlagList>(fresh, 'flags.list', { meetingId: m2.m })).flags;
    await save(fresh, m2.m, m2.a, doc(p(t('Recalled: '), flag([carried!.id], t(SECRET)), t(`. ${PLAIN}.`))));
    const out = await exported(fresh, m2.m);
    expect({ secret: printed(out, SECRET), rest: printed(out, PLAIN) }).toEqual({ secret: false, rest: true });
  });

  it('a flag of the meeting in force with the same words already: nothing more is carried', async () => {
    const b = makeBackend();
    const { m2 } = await twoMeetings(b);
    const pkg = packageJson(await call<PackageFile>(b, 'packages.export', { meetingId: m2.m }));
    await save(b, m2.m, m2.a, doc(p(t('Recalled: '), flag(['F2'], t(SECRET)), t('.'))));
    const flagged = packageJson(await call<PackageFile>(b, 'packages.export', { meetingId: m2.m }));
    // The words stay in the package (another meeting guards them whatever this one does) …
    expect(flagged.guardedElsewhere).toEqual(pkg.guardedElsewhere);
    const fresh = makeBackend();
    const r = await call<PackageImported>(fresh, 'packages.import', { bytesBase64: b64(flagged) });
    // … and the import adds no second record where this meeting's own flag guards them.
    expect(r.guardedElsewhere).toBe(0);
    expect((await call<FlagList>(fresh, 'flags.list', { meetingId: m2.m })).flags.map((f) => f.id)).toEqual(['F2']);
    expect(printed(await exported(fresh, m2.m), SECRET)).toBe(false);
  });

  it('of a passage of several lines, only the lines this meeting holds travel (the others are the other meeting’s words)', async () => {
    const OTHER = 'Zqother Beta will cut four hundred jobs in Turin';
    const b = makeBackend();
    const m1 = await meeting(b, 'First plenary', '02-03');
    await save(b, m1.m, m1.a, doc(p(flag(['F1'], t(SECRET))), p(flag(['F1'], t(OTHER)))));
    expect((await call<FlagList>(b, 'flags.list', { meetingId: m1.m })).flags.map((f) => f.excerpt)).toEqual([`${SECRET}\n${OTHER}`]);
    const m2 = await meeting(b, 'Second plenary', '03-03');
    await save(b, m2.m, m2.a, doc(p(t(`Recalled: ${SECRET}.`))));
    const json = packageJson(await call<PackageFile>(b, 'packages.export', { meetingId: m2.m }));
    expect(json.guardedElsewhere).toEqual([{ excerpt: SECRET, reason: 'commercially_confidential', sectionKey: m2.a }]);
    expect(JSON.stringify(json)).not.toContain('Zqother');
  });

  it('a package made before (version 1, without the passages) still imports as before', async () => {
    const b = makeBackend();
    const { m2 } = await twoMeetings(b);
    const json = packageJson(await call<PackageFile>(b, 'packages.export', { meetingId: m2.m }));
    delete json.guardedElsewhere;
    json.version = 1;
    json.sha256 = createHash('sha256').update(JSON.stringify(json.dump)).digest('hex');
    const fresh = makeBackend();
    const r = await call<PackageImported>(fresh, 'packages.import', { bytesBase64: b64(json) });
    expect({ meeting: r.meetingId, guarded: r.guardedElsewhere }).toEqual({ meeting: m2.m, guarded: 0 });
  });

  it('refuses a package whose carried passages are damaged or name a part of the meeting it does not hold', async () => {
    const b = makeBackend();
    const { m2 } = await twoMeetings(b);
    const json = packageJson(await call<PackageFile>(b, 'packages.export', { meetingId: m2.m }));
    const fresh = makeBackend();
    const tries = [
      { ...json, guardedElsewhere: [{ excerpt: '', reason: 'other', sectionKey: m2.a }] },
      { ...json, guardedElsewhere: [{ excerpt: SECRET, reason: 'other', sectionKey: 'not-a-section' }] },
      { ...json, guardedElsewhere: [{ excerpt: SECRET, reason: 'other', sectionKey: m2.a, extra: 1 }] },
      // Dropping the passages from a package that had them: its checksum no longer matches.
      { ...json, guardedElsewhere: [] },
      // A field this app does not know is refused, not ignored: so an app from before this one refuses a package that
      // carries passages rather than import the meeting without them.
      { ...json, guardedElsewhereToo: [] },
    ];
    for (const bad of tries) {
      const res = await fresh.dispatch('packages.import', { bytesBase64: b64(bad) });
      expect(res.ok ? 'imported' : res.error.message).toMatch(/cannot be imported/);
    }
  });

  // A second audit (2026-12-07): only the minutes were read, and only as folded text.
  for (const [name, build, printedWords] of [
    ['in an agenda item’s description', async (a: B, m2: { m: string; a: string }) => void (await call(a, 'agenda.update', { id: m2.a, description: `Background: ${SECRET}.` })), SECRET],
    ['in an agenda item’s title', async (a: B, m2: { m: string; a: string }) => void (await call(a, 'agenda.update', { id: m2.a, title: `${SECRET} (update)` })), SECRET],
    ['written otherwise (a figure) in the minutes', async (a: B, m2: { m: string; a: string }) => void (await save(a, m2.m, m2.a, doc(p(t('Acme will invest EUR 12 million in the cluster.'))))), 'EUR 12 million'],
  ] as const)
    it(`the words ${name}: refused on the fresh machine as on this one`, async () => {
      const a = makeBackend();
      const m1 = await meeting(a, 'First plenary', '02-03');
      await save(a, m1.m, m1.a, doc(p(t('Reported: '), flag(['F1'], t(SECRET)), t(' and '), flag(['F2'], t('€12 million')), t('.'))));
      const m2 = await meeting(a, 'Second plenary', '03-03');
      await build(a, m2);
      const kinds = ['agenda', 'public_summary'] as const;
      const here = new Map<string, boolean>();
      for (const kind of kinds) here.set(kind, 'refused' in (await exported(a, m2.m, kind)));
      expect([...here.values()]).toContain(true); // the file that prints the words is refused here
      const pkg = await call<PackageFile>(a, 'packages.export', { meetingId: m2.m });
      const fresh = makeBackend();
      await call(fresh, 'packages.import', { bytesBase64: pkg.bytesBase64 });
      for (const kind of kinds) {
        const out = await exported(fresh, m2.m, kind);
        // Never printed there; refused there wherever it is refused here.
        expect([kind, printed(out, printedWords), here.get(kind)! && !('refused' in out)]).toEqual([kind, false, false]);
      }
    });
});
