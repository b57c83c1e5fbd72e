import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { GraphRepo } from '../../electron/backend/repositories/graph-repo';
import type { PackageFile, PackageImported } from '../../shared/contract/packages';
import type { SearchOutput } from '../../shared/contract/search';
import { call, makeBackend } from '../helpers/temp';
import { content, fullMeeting } from './trash-fixture';

/** Every table's content and the schema version: what "nothing changed" means. */
function dbHash(b: Backend): string {
  b.flushSearch(); // the search index's notes are taken in when calls pause: the same state before and after
  const rows = new GraphRepo(b.db).contentRows();
  return crypto
    .createHash('sha256')
    .update(JSON.stringify({ v: b.db.pragma('user_version', { simple: true }), rows }))
    .digest('hex');
}

type Pkg = { sha256: string; version: number; schemaVersion: number; dump: { root: { id: string }; tables: Record<string, Array<Record<string, unknown>>> } };
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const sign = (p: Pkg) => ({ ...p, sha256: crypto.createHash('sha256').update(JSON.stringify(p.dump)).digest('hex') });
const edit = (json: string, f: (p: Pkg) => void, resign = true) => {
  const p = JSON.parse(json) as Pkg;
  f(p);
  return b64(JSON.stringify(resign ? sign(p) : p));
};

describe('meeting packages', () => {
  it('moves a meeting with everything it holds to another database, plain or encrypted', async () => {
    const { backend: a, meetingId } = await fullMeeting();
    // Numbered rows (events, timings) are renumbered on import; everything else comes back exactly.
    const skip = ['search_docs', 'search_sections', 'search_pending', 'trash', 'example_data', 'organisations', 'representatives', 'meeting_events', 'section_timings', 'attendance_events'];
    const before = content(a, skip);
    const count = (sql: string) => (a.db.prepare(sql).get(meetingId) as { n: number }).n;
    const eventsBefore = count(`SELECT count(*) AS n FROM meeting_events WHERE meeting_id = ?`);
    const attendanceEventsBefore = count(`SELECT count(*) AS n FROM attendance_events WHERE attendance_id IN (SELECT id FROM attendance WHERE meeting_id = ?)`);
    const plain = await call<PackageFile>(a, 'packages.export', { meetingId });
    expect(plain.fileName).toBe('2026-02-10 Plenary.tfsmeeting');
    const secret = await call<PackageFile>(a, 'packages.export', { meetingId, passphrase: 'correct horse battery' });
    expect(secret.encrypted).toBe(true);
    expect(Buffer.from(secret.bytesBase64, 'base64').toString()).not.toContain('Quorum');

    // Plain into an empty database: every row comes along; links to a roster that is not there are dropped.
    await call(a, 'meetings.delete', { id: meetingId });
    await call(a, 'trash.empty', { confirm: true });
    const imported = await call<PackageImported>(a, 'packages.import', { bytesBase64: plain.bytesBase64 });
    expect(imported).toMatchObject({ meetingId, title: 'Plenary' });
    expect(imported.counts).toMatchObject({ meetings: 1, agenda_items: 3, minutes_sections: 1, flags: 1, decisions: 1, action_items: 1, attendance: 1 });
    expect(content(a, skip)).toBe(before);
    // Every event of the meeting comes along (their number depends on what the features record, so it is counted).
    expect(eventsBefore).toBeGreaterThanOrEqual(3);
    expect(attendanceEventsBefore).toBeGreaterThanOrEqual(1);
    expect(imported.counts).toMatchObject({ meeting_events: eventsBefore, section_timings: 1, attendance_events: attendanceEventsBefore });
    expect((await call<SearchOutput>(a, 'search.query', { query: 'quorum' })).hits.length).toBeGreaterThan(0);

    const b = makeBackend();
    expect((await call<PackageImported>(b, 'packages.import', { bytesBase64: secret.bytesBase64, passphrase: 'correct horse battery' })).meetingId).toBe(meetingId);
    const att = b.db.prepare(`SELECT name, organisation, representative_id FROM attendance`).all();
    expect(att).toEqual([{ name: 'A. Person', organisation: 'Mistral AI', representative_id: null }]);
  });

  it('refuses 20 malformed packages, each with a clear error, leaving the database hash unchanged', async () => {
    const { backend: source, meetingId, items } = await fullMeeting();
    const good = Buffer.from((await call<PackageFile>(source, 'packages.export', { meetingId })).bytesBase64, 'base64').toString();
    const enc = (await call<PackageFile>(source, 'packages.export', { meetingId, passphrase: 'the right one' })).bytesBase64;

    // The target already holds a meeting of its own, and a copy of the source meeting for the collision cases.
    let n = 0;
    const target = makeBackend({ context: { now: () => new Date('2026-05-01T10:00:00Z'), newId: () => `local${++n}`, user: 'other-officer' } });
    await call(target, 'meetings.create', { title: 'Local meeting', startsAt: '2026-01-05T10:00', endsAt: '2026-01-05T11:00' });
    const twin = makeBackend();
    await call(twin, 'packages.import', { bytesBase64: b64(good) });

    const tamperedEnc = (() => {
      const e = JSON.parse(Buffer.from(enc, 'base64').toString()) as { data: string };
      const d = Buffer.from(e.data, 'base64');
      d[10] = d[10]! ^ 0xff;
      return b64(JSON.stringify({ ...e, data: d.toString('base64') }));
    })();
    const cases: Array<{ name: string; on?: Backend; input: Record<string, unknown>; expect: RegExp }> = [
      { name: 'truncated', input: { bytesBase64: b64(good.slice(0, Math.floor(good.length / 2))) }, expect: /not valid JSON.*truncated/ },
      { name: 'empty', input: { bytesBase64: '' }, expect: /empty/ },
      { name: 'invalid JSON', input: { bytesBase64: b64('{"format": nope') }, expect: /not valid JSON/ },
      { name: 'not a package', input: { bytesBase64: b64('{"hello":"world"}') }, expect: /not a Taskforce Secretariat meeting package/ },
      { name: 'wrong version', input: { bytesBase64: edit(good, (p) => (p.version = 2)) }, expect: /package format version 2.*reads version 1/ },
      { name: 'version as text', input: { bytesBase64: edit(good, (p) => ((p as unknown as { version: string }).version = '1')) }, expect: /format version 1.*reads version 1/ },
      { name: 'newer schema', input: { bytesBase64: edit(good, (p) => (p.schemaVersion = 999)) }, expect: /newer version of the app/ },
      { name: 'encrypted without passphrase', input: { bytesBase64: enc }, expect: /encrypted: enter its passphrase/ },
      { name: 'wrong passphrase', input: { bytesBase64: enc, passphrase: 'the wrong one' }, expect: /passphrase is wrong/ },
      { name: 'tampered ciphertext', input: { bytesBase64: tamperedEnc, passphrase: 'the right one' }, expect: /passphrase is wrong \(or the file was altered\)/ },
      { name: 'checksum mismatch', input: { bytesBase64: edit(good, (p) => (p.dump.tables.meetings![0]!.title = 'Forged'), false) }, expect: /does not match its checksum/ },
      {
        name: 'duplicate ids',
        input: { bytesBase64: edit(good, (p) => p.dump.tables.agenda_items!.push({ ...p.dump.tables.agenda_items![0]!, title: 'Copy' })) },
        expect: /two records of agenda_items with the same id/,
      },
      { name: 'meeting already here', on: twin, input: { bytesBase64: b64(good) }, expect: /already in this database/ },
      {
        name: 'ids colliding with other data',
        on: twin,
        input: {
          bytesBase64: edit(good, (p) => {
            const id = 'another-meeting';
            (p as unknown as { meeting: { id: string } }).meeting.id = id;
            p.dump.root.id = id;
            for (const rows of Object.values(p.dump.tables)) for (const r of rows) if ('meeting_id' in r) r.meeting_id = id;
            p.dump.tables.meetings![0]!.id = id;
          }),
        },
        expect: /same ids as records already here/,
      },
      { name: 'oversized', input: { bytesBase64: 'A'.repeat(28 * 1024 * 1024 + 16) }, expect: /larger than 20 MB/ },
      { name: 'unknown table', input: { bytesBase64: edit(good, (p) => (p.dump.tables.secrets = [{ id: 'x' }])) }, expect: /unknown kind/ },
      { name: 'unknown column', input: { bytesBase64: edit(good, (p) => (p.dump.tables.decisions![0]!.hidden = 'x')) }, expect: /unknown field/ },
      {
        name: 'record of another meeting',
        input: { bytesBase64: edit(good, (p) => (p.dump.tables.sensitive_terms = [{ term: 'smuggled', position: 0, updated_at: 'x' }])) },
        expect: /do not belong to its meeting/,
      },
      {
        name: 'malformed minutes',
        input: { bytesBase64: edit(good, (p) => (p.dump.tables.minutes_sections![0]!.content_json = '{"root":{"type":"script","children":[]}}')) },
        expect: /content this app does not know/,
      },
      { name: 'broken rule', input: { bytesBase64: edit(good, (p) => (p.dump.tables.agenda_items![0]!.kind = 'banana')) }, expect: /breaks a rule of the database/ },
      { name: 'wrong type', input: { bytesBase64: edit(good, (p) => (p.dump.tables.meetings![0]!.sequence = 'first')) }, expect: /breaks a rule|could not be stored/ },
      {
        name: 'dangling parent',
        input: { bytesBase64: edit(good, (p) => (p.dump.tables.agenda_items!.find((a) => a.id === items[2])!.parent_id = 'no-such-item')) },
        expect: /refer to records that do not exist|not belong|neither in the package nor here/,
      },
    ];
    expect(cases.length).toBeGreaterThanOrEqual(20);
    for (const c of cases) {
      const db = c.on ?? target;
      const before = dbHash(db);
      const r = await db.dispatch('packages.import', c.input);
      expect(r.ok, c.name).toBe(false);
      const message = r.ok ? '' : r.error.message;
      expect(message, c.name).toMatch(c.expect);
      expect(message, c.name).not.toMatch(/SQLITE_|at Object|\n\s+at /);
      expect(dbHash(db), `${c.name}: database changed`).toBe(before);
    }
    // And the good one still goes in.
    expect((await call<PackageImported>(target, 'packages.import', { bytesBase64: b64(good) })).meetingId).toBe(meetingId);
  });
});
