import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { TEST_KEY } from '../helpers/key';
import { applyKey } from '../../electron/backend/db/key';
import { Backend } from '../../electron/backend/backend';
import { DB_FILE_NAME } from '../../electron/backend/db/connection';
import { MinutesRepo } from '../../electron/backend/repositories/minutes-repo';

/**
 * The SIGKILL campaign behind test/durability/sigkill.test.ts, exported so the benchmark can run it longer
 * (e.g. `runSigkillCampaign({ kills: 1000 })`).
 *
 * One child bundle is built with esbuild and restarted after every kill (each child process is started while its
 * predecessor runs, and opens the file only after the predecessor was killed and the file checked). Each child saves several sections in a loop
 * and prints an ACK only once a save was acknowledged; the parent kills it with SIGKILL a random 0–maxDelayMs after
 * its first ACK, then opens the file and checks that `PRAGMA integrity_check` is ok and that every section holds at
 * least the last acknowledged counter and rev. A kill is a crash of the process, not of the machine: it proves that an
 * acknowledgement follows the commit and that SQLite recovers its WAL; power loss (fsync) is not simulated.
 */
export interface CampaignOptions {
  kills: number;
  /** Project root: where the child's source and node_modules are. Default: process.cwd(). */
  root?: string;
  /** Agenda items besides opening and closing saved by each child (default 2, so 4 sections). */
  items?: number;
  maxDelayMs?: number;
  /** 'write-behind' runs the deliberately broken child, to show the checker catches lost acknowledgements. */
  mode?: 'honest' | 'write-behind';
  /** Random source for the kill delays (tests may fix it). */
  random?: () => number;
  log?: (line: string) => void;
}

export interface LostSave {
  kill: number;
  sectionKey: string;
  ackedCounter: number;
  storedCounter: number | null;
  ackedRev: number;
  storedRev: number | null;
}

export interface CampaignResult {
  kills: number;
  ackedSaves: number;
  lostAckedSaves: number;
  lost: LostSave[];
  integrityFailures: number;
  /** Children that died on their own or never acknowledged a save (each one a failure of the campaign). */
  childErrors: string[];
  ms: number;
  /** Acknowledged saves per second of child run time after its first ACK (rough: includes the parent's reading). */
  acksPerSecond: number;
  /** Median time from letting a child go to its first acknowledged save (reopen after a crash + one save). */
  medianFirstAckMs: number;
}

interface ChildRun {
  acks: Array<{ key: string; rev: number; counter: number }>;
  stderr: string;
  killed: boolean;
  code: number | null;
  ackedMs: number;
  /** From "GO" to the first ACK: open, integrity check, first save. */
  firstAckMs: number;
}

const ACK = /^ACK (\S+) (\d+) (\d+)$/;
const COUNTER = /counter=(\d+)/;

export async function runSigkillCampaign(opts: CampaignOptions): Promise<CampaignResult> {
  const root = opts.root ?? process.cwd();
  const maxDelay = opts.maxDelayMs ?? 60;
  const random = opts.random ?? Math.random;
  const log = opts.log ?? (() => {});
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tfs-sigkill-'));
  const started = Date.now();
  try {
    const bundle = path.join(work, 'sigkill-child.cjs');
    await build({
      entryPoints: [path.join(root, 'test/durability/sigkill-child.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['better-sqlite3-multiple-ciphers'],
      outfile: bundle,
      logLevel: 'silent',
    });
    const dataDir = path.join(work, 'data');
    const { meetingId, keys } = prepareMeeting(dataDir, opts.items ?? 2);

    const lastAck = new Map<string, { rev: number; counter: number }>();
    const result: CampaignResult = { kills: 0, ackedSaves: 0, lostAckedSaves: 0, lost: [], integrityFailures: 0, childErrors: [], ms: 0, acksPerSecond: 0, medianFirstAckMs: 0 };
    let nextCounter = 0;
    let ackedMs = 0;
    const firstAcks: number[] = [];
    const spawnOne = () => spawnChild({ bundle, root, dataDir, meetingId, keys, mode: opts.mode ?? 'honest' });
    let next = spawnOne();
    for (let kill = 1; kill <= opts.kills; kill++) {
      const current = next;
      const running = current.go(nextCounter, random() * maxDelay);
      // The next child starts loading while this one runs; it touches the file only when told to go.
      next = spawnOne();
      const run = await running;
      if (!run.killed || run.acks.length === 0)
        result.childErrors.push(`kill ${kill}: child ${run.killed ? 'never acknowledged a save' : `exited with ${run.code}`}: ${run.stderr.slice(0, 500)}`);
      result.kills += run.killed ? 1 : 0;
      result.ackedSaves += run.acks.length;
      ackedMs += run.ackedMs;
      if (run.acks.length > 0) firstAcks.push(run.firstAckMs);
      for (const a of run.acks) lastAck.set(a.key, { rev: a.rev, counter: a.counter });

      const check = inspect(path.join(dataDir, DB_FILE_NAME), meetingId);
      if (!check.integrityOk) {
        result.integrityFailures += 1;
        log(`kill ${kill}: integrity_check failed: ${check.integrity}`);
      }
      for (const [key, acked] of lastAck) {
        const stored = check.sections.get(key);
        if (!stored || stored.counter < acked.counter || stored.rev < acked.rev) {
          result.lost.push({ kill, sectionKey: key, ackedCounter: acked.counter, storedCounter: stored?.counter ?? null, ackedRev: acked.rev, storedRev: stored?.rev ?? null });
        }
      }
      // Lost acknowledgements count once: afterwards compare against what survived.
      for (const l of result.lost.filter((x) => x.kill === kill)) {
        const stored = check.sections.get(l.sectionKey);
        if (stored) lastAck.set(l.sectionKey, { rev: stored.rev, counter: stored.counter });
        else lastAck.delete(l.sectionKey);
      }
      nextCounter = Math.max(nextCounter, ...[...check.sections.values()].map((s) => s.counter), ...run.acks.map((a) => a.counter)) + 1;
      if (kill % 50 === 0) log(`${kill} kills, ${result.ackedSaves} acknowledged saves, ${result.lost.length} lost, ${result.integrityFailures} integrity failures`);
    }
    await next.discard();
    result.lostAckedSaves = result.lost.length;
    result.ms = Date.now() - started;
    result.medianFirstAckMs = firstAcks.sort((a, b) => a - b)[Math.floor(firstAcks.length / 2)] ?? 0;
    result.acksPerSecond = ackedMs > 0 ? Math.round((result.ackedSaves * 1000) / ackedMs) : 0;
    return result;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** A meeting with `items` agenda items, made through the dispatcher like the app would. */
function prepareMeeting(dataDir: string, items: number): { meetingId: string; keys: string[] } {
  const backend = new Backend({ dataDir, host: 'browser', key: TEST_KEY });
  try {
    const meeting = backend.services.meetings.create({
      title: 'Durability',
      kind: 'plenary',
      groupName: '',
      startsAt: '2026-02-10T10:00',
      endsAt: '2026-02-10T12:00',
      timeZone: 'Europe/Brussels',
      format: 'hybrid',
      location: '',
      convenedBy: 'chair',
      withheldDisplay: 'title_only',
      redactionMarker: '[…]',
    });
    const meetingId = meeting.meeting.id;
    let agenda = meeting.agenda;
    for (let i = 0; i < items; i++)
      agenda = backend.services.meetings.addItem({
        meetingId,
        parentId: null,
        title: `Item ${i + 1}`,
        description: '',
        kind: 'discussion',
        presenter: '',
        plannedMinutes: 10,
        documents: [],
        forPublication: true,
      });
    return { meetingId, keys: ['opening', ...agenda.map((a) => a.id), 'closing'] };
  } finally {
    backend.close();
  }
}

interface PendingChild {
  /** Lets the child open the file and save from `firstCounter`; SIGKILL `delayMs` after its first ACK. */
  go(firstCounter: number, delayMs: number): Promise<ChildRun>;
  /** Ends a child that was never told to go. */
  discard(): Promise<void>;
}

function spawnChild(p: { bundle: string; root: string; dataDir: string; meetingId: string; keys: string[]; mode: string }): PendingChild {
  const child = spawn(process.execPath, [p.bundle, p.dataDir, p.meetingId, p.mode, ...p.keys], {
    env: { ...process.env, NODE_PATH: path.join(p.root, 'node_modules') },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const run: ChildRun = { acks: [], stderr: '', killed: false, code: null, ackedMs: 0, firstAckMs: 0 };
  const closed = new Promise<void>((resolve) => child.on('close', (code) => ((run.code = code), resolve())));
  child.stdin.on('error', () => {}); // a child that died early must not crash the parent through EPIPE
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s: string) => (run.stderr += s));
  return {
    async go(firstCounter, delayMs) {
      let pending = '';
      let firstAckAt = 0;
      let killTimer: NodeJS.Timeout | undefined;
      const goAt = Date.now();
      // A child that never acknowledges is a failure, not a hang.
      const watchdog = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        pending += chunk;
        const lines = pending.split('\n');
        pending = lines.pop()!;
        for (const line of lines) {
          const m = ACK.exec(line);
          if (!m) continue;
          run.acks.push({ key: m[1]!, rev: Number(m[2]), counter: Number(m[3]) });
          if (!firstAckAt) {
            firstAckAt = Date.now();
            run.firstAckMs = firstAckAt - goAt;
            killTimer = setTimeout(() => {
              run.killed = child.kill('SIGKILL');
              run.ackedMs = Date.now() - firstAckAt;
            }, delayMs);
          }
        }
      });
      child.stdin.write(`GO ${firstCounter}\n`);
      await closed;
      clearTimeout(watchdog);
      if (killTimer) clearTimeout(killTimer);
      return run;
    },
    async discard() {
      child.kill('SIGKILL');
      await closed;
    },
  };
}

/**
 * Reads the file the way a restarted app would find it, through a read-only connection (so the next child still meets
 * the WAL its predecessor left behind): integrity, then each section's stored counter and rev.
 */
function inspect(file: string, meetingId: string): { integrityOk: boolean; integrity: string; sections: Map<string, { counter: number; rev: number }> } {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    applyKey(db, TEST_KEY);
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    const integrity = rows.map((r) => r.integrity_check).join('; ');
    const sections = new Map<string, { counter: number; rev: number }>();
    for (const s of new MinutesRepo(db).sections(meetingId)) {
      const m = COUNTER.exec(s.contentJson);
      sections.set(s.sectionKey, { counter: m ? Number(m[1]) : -1, rev: s.rev });
    }
    return { integrityOk: integrity === 'ok', integrity, sections };
  } finally {
    db.close();
  }
}
