import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_KEY } from '../helpers/key';
import { Backend } from '../../electron/backend/backend';
import { SaveSection } from '../../shared/domain/minutes';
import type { SerializedDoc, SerializedElement } from '../../shared/editor/doc-model';
import { docOfSize, text } from './gen';
import { ms, ratio, summarise, type PartOptions, type PartResult, type Summary } from './report';

/**
 * Autosave commit time: `minutes.saveSection` through the real dispatcher (input validation, service, SQLite
 * transaction in WAL mode with synchronous=FULL, output validation) on the encrypted data file the app ships
 * (ChaCha20-Poly1305), beside the same save on a plain (unencrypted) file, and beside the plain way to make the same
 * bytes durable in the same folder: write a temp file, fsync it, rename it over the previous one. The three alternate
 * (their order rotating), so all see the same disk and the same load.
 */
export async function runAutosave(opts: PartOptions): Promise<PartResult> {
  const started = Date.now();
  const n = opts.quick ? 60 : 300;
  const sizes = [20_000, 200_000];
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tfs-bench-autosave-'));
  const dataDir = path.join(root, 'encrypted');
  const plainDir = path.join(root, 'plain');
  const backends = {
    encrypted: new Backend({ dataDir, host: 'browser', log: { error: () => {} }, key: TEST_KEY }),
    plain: new Backend({ dataDir: plainDir, host: 'browser', log: { error: () => {} }, key: null }),
  };
  try {
    const call = async <T>(backend: Backend, name: string, input: unknown): Promise<T> => {
      const r = await backend.dispatch(name, input);
      if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
      return r.value as T;
    };
    const target: Record<'encrypted' | 'plain', { meetingId: string; sectionKey: string }> = {} as never;
    for (const kind of ['encrypted', 'plain'] as const) {
      const b = backends[kind];
      const meeting = await call<{ meeting: { id: string } }>(b, 'meetings.create', {
        title: 'Autosave bench',
        startsAt: '2026-02-10T10:00',
        endsAt: '2026-02-10T12:00',
        timeZone: 'Europe/Brussels',
      });
      const agenda = await call<Array<{ id: string }>>(b, 'agenda.add', { meetingId: meeting.meeting.id, title: 'Item' });
      target[kind] = { meetingId: meeting.meeting.id, sectionKey: agenda[0]!.id };
    }

    const rows: Array<Array<string | number>> = [];
    const data: Record<string, { bytes: number; autosave: Summary; autosavePlain: Summary; peer: Summary; validation: Summary }> = {};
    for (const size of sizes) {
      const base = docOfSize(size, size);
      const peerFile = path.join(root, `peer-${size}.json`);
      const save: number[] = [];
      const savePlain: number[] = [];
      const peer: number[] = [];
      const validate: number[] = [];
      let bytes = 0;
      // Warm-up: the first saves create the row and a safety revision.
      for (let i = 0; i < 5; i++)
        for (const kind of ['encrypted', 'plain'] as const) await call(backends[kind], 'minutes.saveSection', { ...target[kind], content: edited(base, -1 - i) });
      for (let i = 0; i < n; i++) {
        // Each save carries a real edit (the last paragraph grows), as typing would; an unchanged save is skipped.
        const json = JSON.stringify(edited(base, i));
        bytes = Buffer.byteLength(json);
        const steps: Array<() => Promise<void>> = [
          async () => {
            // The host hands the dispatcher freshly parsed JSON (HTTP body or IPC clone): parse outside the timer.
            const content = JSON.parse(json) as SerializedDoc;
            const t = performance.now();
            const r = await backends.encrypted.dispatch('minutes.saveSection', { ...target.encrypted, content });
            save.push(performance.now() - t);
            if (!r.ok) throw new Error(`minutes.saveSection: ${r.error.code}: ${r.error.message}`);
          },
          async () => {
            const content = JSON.parse(json) as SerializedDoc;
            const t = performance.now();
            const r = await backends.plain.dispatch('minutes.saveSection', { ...target.plain, content });
            savePlain.push(performance.now() - t);
            if (!r.ok) throw new Error(`minutes.saveSection (plain): ${r.error.code}: ${r.error.message}`);
          },
          async () => {
            const buf = Buffer.from(json);
            const t = performance.now();
            writeDurably(peerFile, buf);
            peer.push(performance.now() - t);
          },
        ];
        for (let k = 0; k < steps.length; k++) await steps[(i + k) % steps.length]!();

        // Part of the save, for reading the figures: the dispatcher's input validation alone (zod, whole document).
        const again = JSON.parse(json) as unknown;
        const t = performance.now();
        SaveSection.parse({ ...target.encrypted, content: again });
        validate.push(performance.now() - t);
      }
      const a = summarise(save);
      const ap = summarise(savePlain);
      const p = summarise(peer);
      const v = summarise(validate);
      data[String(size)] = { bytes, autosave: a, autosavePlain: ap, peer: p, validation: v };
      const label = `${Math.round(bytes / 1000)} KB`;
      rows.push([`${label} minutes.saveSection (encrypted)`, n, ms(a.p50, 2), ms(a.p95, 2), ms(a.p99, 2), ms(a.max, 2)]);
      rows.push([`${label} minutes.saveSection (plain file)`, n, ms(ap.p50, 2), ms(ap.p95, 2), ms(ap.p99, 2), ms(ap.max, 2)]);
      rows.push([`${label} write+fsync+rename (peer)`, n, ms(p.p50, 2), ms(p.p95, 2), ms(p.p99, 2), ms(p.max, 2)]);
      rows.push([`${label}   of which input validation (zod)`, n, ms(v.p50, 2), ms(v.p95, 2), ms(v.p99, 2), ms(v.max, 2)]);
      rows.push([`${label} ratio encrypted/peer`, '', ratio(a.p50, p.p50), ratio(a.p95, p.p95), ratio(a.p99, p.p99), ratio(a.max, p.max)]);
      rows.push([`${label} ratio encrypted/plain`, '', ratio(a.p50, ap.p50), ratio(a.p95, ap.p95), ratio(a.p99, ap.p99), ratio(a.max, ap.max)]);
      opts.log(`autosave ${label}: encrypted p50 ${ms(a.p50, 2)} / p99 ${ms(a.p99, 2)} ms, plain p50 ${ms(ap.p50, 2)} / p99 ${ms(ap.p99, 2)} ms, peer p99 ${ms(p.p99, 2)} ms`);
    }
    const targets = Object.values(data).flatMap((d) => [
      {
        name: `autosave (encrypted) p99 ≤ peer p99 (${Math.round(d.bytes / 1000)} KB)`,
        met: d.autosave.p99 <= d.peer.p99,
        detail: `${ms(d.autosave.p99, 2)} ms vs ${ms(d.peer.p99, 2)} ms (${ratio(d.autosave.p99, d.peer.p99)})`,
      },
      {
        name: `encryption costs autosave ≤ 10 % at p50 (${Math.round(d.bytes / 1000)} KB)`,
        met: d.autosave.p50 <= d.autosavePlain.p50 * 1.1,
        detail: `${ms(d.autosave.p50, 2)} ms encrypted vs ${ms(d.autosavePlain.p50, 2)} ms plain (${ratio(d.autosave.p50, d.autosavePlain.p50)})`,
      },
    ]);
    return {
      name: 'autosave',
      title: 'Autosave commit time',
      method:
        `N=${n} saves per size, each a real edit, through Backend.dispatch('minutes.saveSection') on a temp SQLite file (WAL, synchronous=FULL), ` +
        `once on an encrypted file (SQLite3MultipleCiphers, ChaCha20-Poly1305, as shipped) and once on a plain one; ` +
        `alternating (order rotating) with the peer: the same JSON bytes written to a temp file, fsync, rename over the previous file, in the same folder (${os.tmpdir()}). "of which input validation" times SaveSection.parse of the same input separately (it is inside the save's time). Times in ms.`,
      tables: [{ headers: ['case', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'], rows }],
      targets,
      notes: [],
      data,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    backends.encrypted.close();
    backends.plain.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** The document with its last paragraph carrying edit number `i` (a copy; the base is left alone). */
function edited(base: SerializedDoc, i: number): SerializedDoc {
  const children = [...base.root.children];
  const last = children[children.length - 1] as SerializedElement;
  children[children.length - 1] = { ...last, children: [...last.children, text(` Edit ${i}.`)] };
  return { root: { ...base.root, children } };
}

function writeDurably(file: string, buf: Buffer) {
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, buf);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}
