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
 * transaction in WAL mode with synchronous=FULL, output validation), beside the plain way to make the same bytes
 * durable in the same folder: write a temp file, fsync it, rename it over the previous one. Saves and peer writes
 * alternate, so both see the same disk and the same load.
 */
export async function runAutosave(opts: PartOptions): Promise<PartResult> {
  const started = Date.now();
  const n = opts.quick ? 60 : 300;
  const sizes = [20_000, 200_000];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tfs-bench-autosave-'));
  const backend = new Backend({ dataDir, host: 'browser', log: { error: () => {} }, key: TEST_KEY });
  try {
    const call = async <T>(name: string, input: unknown): Promise<T> => {
      const r = await backend.dispatch(name, input);
      if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
      return r.value as T;
    };
    const meeting = await call<{ meeting: { id: string } }>('meetings.create', {
      title: 'Autosave bench',
      startsAt: '2026-02-10T10:00',
      endsAt: '2026-02-10T12:00',
      timeZone: 'Europe/Brussels',
    });
    const meetingId = meeting.meeting.id;
    const agenda = await call<Array<{ id: string }>>('agenda.add', { meetingId, title: 'Item' });
    const sectionKey = agenda[0]!.id;

    const rows: Array<Array<string | number>> = [];
    const data: Record<string, { bytes: number; autosave: Summary; peer: Summary; validation: Summary }> = {};
    for (const size of sizes) {
      const base = docOfSize(size, size);
      const peerFile = path.join(dataDir, `peer-${size}.json`);
      const save: number[] = [];
      const peer: number[] = [];
      const validate: number[] = [];
      let bytes = 0;
      // Warm-up: the first saves create the row and a safety revision.
      for (let i = 0; i < 5; i++) await call('minutes.saveSection', { meetingId, sectionKey, content: edited(base, -1 - i) });
      for (let i = 0; i < n; i++) {
        // Each save carries a real edit (the last paragraph grows), as typing would; an unchanged save is skipped.
        const json = JSON.stringify(edited(base, i));
        bytes = Buffer.byteLength(json);
        // The host hands the dispatcher freshly parsed JSON (HTTP body or IPC clone): parse outside the timer.
        const content = JSON.parse(json) as SerializedDoc;
        let t = performance.now();
        const r = await backend.dispatch('minutes.saveSection', { meetingId, sectionKey, content });
        save.push(performance.now() - t);
        if (!r.ok) throw new Error(`minutes.saveSection: ${r.error.code}: ${r.error.message}`);

        // Part of the save, for reading the figures: the dispatcher's input validation alone (zod, whole document).
        const again = JSON.parse(json) as unknown;
        t = performance.now();
        SaveSection.parse({ meetingId, sectionKey, content: again });
        validate.push(performance.now() - t);

        const buf = Buffer.from(json);
        t = performance.now();
        writeDurably(peerFile, buf);
        peer.push(performance.now() - t);
      }
      const a = summarise(save);
      const p = summarise(peer);
      const v = summarise(validate);
      data[String(size)] = { bytes, autosave: a, peer: p, validation: v };
      const label = `${Math.round(bytes / 1000)} KB`;
      rows.push([`${label} minutes.saveSection`, n, ms(a.p50, 2), ms(a.p95, 2), ms(a.p99, 2), ms(a.max, 2)]);
      rows.push([`${label} write+fsync+rename (peer)`, n, ms(p.p50, 2), ms(p.p95, 2), ms(p.p99, 2), ms(p.max, 2)]);
      rows.push([`${label}   of which input validation (zod)`, n, ms(v.p50, 2), ms(v.p95, 2), ms(v.p99, 2), ms(v.max, 2)]);
      rows.push([`${label} ratio autosave/peer`, '', ratio(a.p50, p.p50), ratio(a.p95, p.p95), ratio(a.p99, p.p99), ratio(a.max, p.max)]);
      opts.log(`autosave ${label}: save p99 ${ms(a.p99, 2)} ms, peer p99 ${ms(p.p99, 2)} ms`);
    }
    const targets = Object.values(data).map((d) => ({
      name: `autosave p99 ≤ peer p99 (${Math.round(d.bytes / 1000)} KB)`,
      met: d.autosave.p99 <= d.peer.p99,
      detail: `${ms(d.autosave.p99, 2)} ms vs ${ms(d.peer.p99, 2)} ms (${ratio(d.autosave.p99, d.peer.p99)})`,
    }));
    return {
      name: 'autosave',
      title: 'Autosave commit time',
      method:
        `N=${n} saves per size, each a real edit, through Backend.dispatch('minutes.saveSection') on a temp SQLite file (WAL, synchronous=FULL); ` +
        `alternating with the peer: the same JSON bytes written to a temp file, fsync, rename over the previous file, in the same folder (${os.tmpdir()}). "of which input validation" times SaveSection.parse of the same input separately (it is inside the save's time). Times in ms.`,
      tables: [{ headers: ['case', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'], rows }],
      targets,
      notes: [],
      data,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    backend.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
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
