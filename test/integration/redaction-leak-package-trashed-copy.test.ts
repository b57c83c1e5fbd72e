import { describe, expect, it } from 'vitest';
import type { PackageImported } from '../../shared/contract/packages';
import type { FlagList } from '../../shared/domain/flags';
import type { MeetingDetail } from '../../shared/contract/core';
import { call, makeBackend } from '../helpers/temp';
import { doc, flag, p, t } from '../fixtures/export-data';
import { exported, meeting, printed, save } from './redaction-leak-helpers';

/**
 * A meeting package exported BEFORE a passage was flagged (or an item withheld), imported back after the meeting (now
 * holding the flag) was deleted. The deleted meeting is in the trash; once a meeting of that id exists again, its own
 * flags decide (flaggedElsewhere), so the import carries the trashed copy's guarding flags (in force, mark missing) and
 * withheld items into the imported meeting, and its answer says so.
 */
const SECRET = 'Acme Holdings will acquire Beta Robotics for forty million euros before the summer break';
const WITHHELD = 'Gamma Widgets disclosed its unreleased incident figures for the second quarter';

describe('an older package of a meeting imported while the newer (flagged) copy is in the trash', () => {
  it('the imported meeting’s own summary does not print the passage the trashed copy flags; the officer is told', async () => {
    const b = makeBackend();
    const first = await meeting(b, 'Second plenary', '02-03');
    await save(b, first.m, first.a, doc(p(t(`Reported: ${SECRET}.`))));
    const older = await call<{ bytesBase64: string }>(b, 'packages.export', { meetingId: first.m });
    await save(b, first.m, first.a, doc(p(t('Reported: '), flag(['F1'], t(SECRET)), t('.'))));
    expect(printed(await exported(b, first.m), SECRET)).toBe(false);
    await call(b, 'meetings.delete', { id: first.m });

    const r = await call<PackageImported>(b, 'packages.import', { bytesBase64: older.bytesBase64 });
    const out = await exported(b, first.m);
    expect(printed(out, SECRET)).toBe(false);
    expect(out).toMatchObject({ refused: expect.stringMatching(/Flag again/) });
    expect((await call<FlagList>(b, 'flags.list', { meetingId: first.m })).flags).toMatchObject([{ id: 'F1', sectionKey: first.a, retiredAt: null, unmarkedSince: expect.any(String) }]);
    expect(r.carried).toMatchObject({ flags: 1, withheld: 0, meetings: [{ title: 'Second plenary', startsAt: '2026-02-03T10:00' }], inTrash: [], unreadable: false });
    expect(r.carried.message).toBe(
      'The deleted copy of this meeting in the trash had 1 flag that this package does not have: it was kept, so its passages stay out of the public summary. ' +
        'To go on, mark the flagged passages again in the minutes (Flags panel: “Flag again”), or lift a flag if its passage may be published.',
    );
  });

  it('another meeting holding the passage unflagged stays refused once the older copy is imported, and lists the flag', async () => {
    const b = makeBackend();
    const first = await meeting(b, 'Second plenary', '02-03');
    await save(b, first.m, first.a, doc(p(t(`Reported: ${SECRET}.`))));
    const older = await call<{ bytesBase64: string }>(b, 'packages.export', { meetingId: first.m });
    await save(b, first.m, first.a, doc(p(t('Reported: '), flag(['F1'], t(SECRET)), t('.'))));
    const second = await meeting(b, 'Third plenary', '03-03');
    await save(b, second.m, second.a, doc(p(t(`Recalled: ${SECRET}.`))));
    await call(b, 'meetings.delete', { id: first.m });
    expect(await exported(b, second.m)).toHaveProperty('refused'); // the trashed meeting's flag guards

    await call(b, 'packages.import', { bytesBase64: older.bytesBase64 });
    const elsewhere = (await call<FlagList>(b, 'flags.list', { meetingId: second.m })).elsewhere.map((f) => f.excerpt);
    const out = await exported(b, second.m);
    expect({ published: printed(out, SECRET), listedInPreview: elsewhere.includes(SECRET) }).toEqual({ published: false, listedInPreview: true });
  });

  it('an item withheld after the package was made is withheld in the imported older copy; the officer is told', async () => {
    const b = makeBackend();
    const first = await meeting(b, 'Second plenary', '02-03');
    await save(b, first.m, first.a, doc(p(t(`${WITHHELD}.`))));
    const older = await call<{ bytesBase64: string }>(b, 'packages.export', { meetingId: first.m });
    await call(b, 'agenda.update', { id: first.a, forPublication: false });
    await call(b, 'meetings.delete', { id: first.m });
    const r = await call<PackageImported>(b, 'packages.import', { bytesBase64: older.bytesBase64 });
    expect(printed(await exported(b, first.m), WITHHELD)).toBe(false);
    expect(r.carried).toMatchObject({ flags: 0, withheld: 1 });
    expect(r.carried.message).toMatch(/^The deleted copy of this meeting in the trash had 1 withheld item that this package does not have: it was kept/);
  });

  it('a meeting set to leave withheld items out after the package was made: the imported older copy leaves them out too', async () => {
    const b = makeBackend();
    const first = await meeting(b, 'Second plenary', '02-03', 'title_only', 'Gamma Widgets takeover of Delta Sensors');
    await call(b, 'agenda.update', { id: first.a, forPublication: false });
    const older = await call<{ bytesBase64: string }>(b, 'packages.export', { meetingId: first.m });
    const mm = (await call<MeetingDetail>(b, 'meetings.get', { id: first.m })).meeting;
    const { title, sequence, kind, groupName, startsAt, endsAt, timeZone, format, location, convenedBy, redactionMarker } = mm;
    await call(b, 'meetings.update', { id: first.m, title, sequence, kind, groupName, startsAt, endsAt, timeZone, format, location, convenedBy, redactionMarker, withheldDisplay: 'omit' });
    await call(b, 'meetings.delete', { id: first.m });
    const r = await call<PackageImported>(b, 'packages.import', { bytesBase64: older.bytesBase64 });
    expect(printed(await exported(b, first.m), 'Gamma Widgets takeover')).toBe(false);
    expect(r.carried).toMatchObject({ titlesHidden: 1 });
    expect(r.carried.message).toMatch(/leave withheld items out of the public summary entirely leaves them out again/);
  });

  it('a package of a meeting with no copy in the trash: nothing carried, nothing said', async () => {
    const b = makeBackend();
    const first = await meeting(b, 'Second plenary', '02-03');
    await save(b, first.m, first.a, doc(p(t(`Reported: ${SECRET}.`))));
    const pkg = await call<{ bytesBase64: string }>(b, 'packages.export', { meetingId: first.m });
    const other = makeBackend();
    const r = await call<PackageImported>(other, 'packages.import', { bytesBase64: pkg.bytesBase64 });
    expect(r.carried).toEqual({ flags: 0, withheld: 0, titlesHidden: 0, meetings: [], inTrash: [], unreadable: false, message: '' });
    expect(printed(await exported(other, first.m), SECRET)).toBe(true);
  });

  it('SAFE: the older package is refused while the meeting itself still exists', async () => {
    const b = makeBackend();
    const first = await meeting(b, 'Second plenary', '02-03');
    await save(b, first.m, first.a, doc(p(t(`Reported: ${SECRET}.`))));
    const older = await call<{ bytesBase64: string }>(b, 'packages.export', { meetingId: first.m });
    await save(b, first.m, first.a, doc(p(t('Reported: '), flag(['F1'], t(SECRET)), t('.'))));
    const r = await b.dispatch('packages.import', { bytesBase64: older.bytesBase64 });
    expect(r.ok).toBe(false);
    expect(printed(await exported(b, first.m), SECRET)).toBe(false);
  });
});
