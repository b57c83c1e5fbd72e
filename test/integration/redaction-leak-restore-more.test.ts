import { describe, expect, it } from 'vitest';
import type { BackupInfo, RestoreResult } from '../../shared/contract/backup';
import type { MeetingDetail } from '../../shared/contract/core';
import { call, makeBackend, tempDir } from '../helpers/temp';
import { doc, p, t } from '../fixtures/export-data';
import { exported, meeting, printed, save } from './redaction-leak-helpers';

/**
 * A restore keeps the confidentiality of the data it replaces (carry-confidentiality.ts). A review found two decisions
 * taken since the backup that were not carried into the restored data: an item withheld and then deleted (only the
 * trash of the data kept aside knew it was withheld), and a meeting switched to leaving withheld items out entirely.
 */
const WITHHELD = 'Gamma Widgets disclosed its unreleased incident figures for the second quarter';
const TITLE = 'Gamma Widgets takeover of Delta Sensors';

describe('restore carries every confidentiality decision taken since the backup', () => {
  it('an item withheld since the backup and then deleted (to the trash) does not come back published', async () => {
    const b = makeBackend({ dataDir: tempDir() });
    const { m, a } = await meeting(b, 'Second plenary', '02-03');
    await save(b, m, a, doc(p(t(`${WITHHELD}.`))));
    const old = await call<BackupInfo>(b, 'backup.create', {});
    // Since the backup: withheld, then taken off the agenda altogether (it goes to the trash).
    await call(b, 'agenda.update', { id: a, forPublication: false });
    await call(b, 'agenda.remove', { id: a });
    expect(printed(await exported(b, m), WITHHELD)).toBe(false);

    const r = await call<RestoreResult>(b, 'backup.restore', { name: old.name });
    const item = (await call<MeetingDetail>(b, 'meetings.get', { id: m })).agenda.find((i) => i.id === a);
    const out = await exported(b, m);
    expect({ forPublication: item?.forPublication, printed: printed(out, WITHHELD), withheldCarried: r.carried.withheld }).toEqual({
      forPublication: false,
      printed: false,
      withheldCarried: 1,
    });
  });

  it('a meeting switched to "omit" withheld titles since the backup: the withheld item’s title is not printed after the restore', async () => {
    const b = makeBackend({ dataDir: tempDir() });
    const { m, a } = await meeting(b, 'Second plenary', '02-03', 'title_only', TITLE);
    await call(b, 'agenda.update', { id: a, forPublication: false });
    await save(b, m, a, doc(p(t(`${WITHHELD}.`))));
    const old = await call<BackupInfo>(b, 'backup.create', {});
    // Since the backup: the officer decides the item's very title may not be published.
    const mm = (await call<MeetingDetail>(b, 'meetings.get', { id: m })).meeting;
    const { title, sequence, kind, groupName, startsAt, endsAt, timeZone, format, location, convenedBy, redactionMarker } = mm;
    await call(b, 'meetings.update', { id: m, title, sequence, kind, groupName, startsAt, endsAt, timeZone, format, location, convenedBy, redactionMarker, withheldDisplay: 'omit' });
    expect((await call<MeetingDetail>(b, 'meetings.get', { id: m })).meeting.withheldDisplay).toBe('omit');
    expect(printed(await exported(b, m), TITLE)).toBe(false);

    const r = await call<RestoreResult>(b, 'backup.restore', { name: old.name });
    expect(printed(await exported(b, m), TITLE), 'the withheld item’s title, hidden since the backup, is printed again').toBe(false);
    expect(r.carried).toMatchObject({ flags: 0, withheld: 0, titlesHidden: 1 });
    expect(r.carried.message).toBe(
      'A meeting set since this backup to leave withheld items out of the public summary entirely leaves them out again (“Second plenary” of 3 February 2026): their titles were never public.',
    );
  });
});
