/**
 * Autosave of one minutes section. The rules the officer relies on:
 * - a change is written within `idleMs` (1 s) after typing pauses, and at least every `maxMs` (2 s) while typing
 *   goes on;
 * - a save counts only when the backend answers, which it does after the SQLite commit (synchronous=FULL);
 * - one save in flight per section; edits made meanwhile are saved next, never dropped;
 * - a failed save keeps the text in the editor (it is never reset), says what went wrong, and retries with backoff.
 * No DOM here: timers and the clock are injected, so the rules are unit-tested with fake timers.
 */
export type SaveState = 'saved' | 'pending' | 'saving' | 'failed';

export interface AutosaveStatus {
  state: SaveState;
  /** Last acknowledged save (ISO instant from the backend). */
  savedAt: string | null;
  rev: number;
  error: string | null;
  /** The backend's error code of the last failure (read_only, not_found, conflict, storage, …), if it had one. */
  errorCode?: string | null;
  /**
   * For a save refused as conflict, read_only or not_found: where the backend kept its words (SaveRefusal): in the
   * section's History, in the section itself, or with the meeting deleted meanwhile, in the trash. For a save refused
   * because the data file was deleted or replaced under the app: 'recovery' (the backend's message says where
   * everything saved before, and this change, are kept; retrying will not help).
   */
  errorKept?: 'history' | 'section' | 'trash' | 'recovery' | null;
}

export interface AutosaveOptions<C> {
  /**
   * Reads the editor's current content (called when a save starts, not on every keystroke). It may finish later (a
   * long section is read a few blocks per task): it is then a snapshot of the content when the save started.
   */
  read: () => C | PromiseLike<C>;
  /** Finishes a read in progress now (a flush cannot wait for its slices: the page may be closing). */
  hurry?: () => void;
  save: (content: C, baseRev: number) => Promise<{ rev: number; savedAt: string }>;
  onStatus: (s: AutosaveStatus) => void;
  rev: number;
  idleMs?: number;
  maxMs?: number;
  timers?: { set: (fn: () => void, ms: number) => unknown; clear: (h: unknown) => void; now: () => number };
}

const defaultTimers = {
  set: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clear: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

/** A read of the editor for a save: taken at one moment, with the generation of the changes it holds. */
type Reading<C> = { generation: number; startedAt: number } & ({ content: C | PromiseLike<C> } | { error: unknown });

function isThenable<C>(x: C | PromiseLike<C>): x is PromiseLike<C> {
  return typeof (x as { then?: unknown } | null)?.then === 'function';
}

export class SectionAutosave<C> {
  private readonly idleMs: number;
  private readonly maxMs: number;
  private readonly t: NonNullable<AutosaveOptions<C>['timers']>;
  private timer: unknown = null;
  /** Bumped by every change; a save acknowledges the generation it read. */
  private generation = 0;
  private savedGeneration = 0;
  private firstUnsavedAt: number | null = null;
  private lastChangeAt = 0;
  private inFlight: Promise<void> | null = null;
  private failures = 0;
  /** The generation the last refused save read, when the backend kept its words in the section's History. */
  private keptGeneration = -1;
  private status: AutosaveStatus;
  private disposed = false;
  /**
   * The newest read a flush took while a save ran, sent once that save is answered. Two flushes during one save (the
   * page hidden, then the section's editor going far from view) each read the editor; the newer read must be the one
   * sent, since the editor may be gone by then (an audit, 2026-12-07: the later words were dropped and the section
   * stayed "Not saved" until its editor came back).
   */
  private heldRead: Reading<C> | null = null;

  constructor(private readonly o: AutosaveOptions<C>) {
    this.idleMs = o.idleMs ?? 1000;
    this.maxMs = o.maxMs ?? 2000;
    this.t = o.timers ?? defaultTimers;
    this.status = { state: 'saved', savedAt: null, rev: o.rev, error: null };
  }

  /**
   * Every word typed is kept by the backend although not saved: the last save, refused, had its words kept in the
   * section's History (a conflict with another window), it read the newest change, and none is being saved.
   */
  get allKept(): boolean {
    return this.status.state === 'failed' && this.status.errorKept === 'history' && this.keptGeneration === this.generation && this.inFlight === null;
  }

  get dirty(): boolean {
    return this.generation !== this.savedGeneration;
  }

  get current(): AutosaveStatus {
    return this.status;
  }

  /** The editor changed. Cheap: no serialisation here. */
  changed(): void {
    if (this.disposed) return;
    this.generation++;
    const now = this.t.now();
    this.lastChangeAt = now;
    if (this.firstUnsavedAt === null) this.firstUnsavedAt = now;
    if (this.status.state === 'saved') this.setStatus({ state: 'pending' });
    this.schedule();
  }

  /** Save now if anything is unsaved (leaving a section, before export, before unload). Resolves when acknowledged or failed. */
  async flush(): Promise<void> {
    if (this.inFlight) {
      this.o.hurry?.();
      // What is unsaved is read now, not once the running save is acknowledged: by then the editor may be gone (the
      // page was left; its editors unmount before the page's own clean-up runs). It is saved right after; of several
      // flushes meanwhile, the newest read is (heldRead).
      if (this.dirty) this.hold(this.readNow());
      this.o.hurry?.();
      await this.inFlight;
      const next = this.heldRead;
      if (next && next.generation > this.savedGeneration) await this.run(next);
    }
    if (this.dirty) {
      const run = this.run();
      this.o.hurry?.();
      await run;
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) this.t.clear(this.timer);
    this.timer = null;
  }

  private schedule(delayOverride?: number) {
    if (this.timer !== null) this.t.clear(this.timer);
    let delay = delayOverride;
    if (delay === undefined) {
      const now = this.t.now();
      const idleAt = this.lastChangeAt + this.idleMs;
      const maxAt = (this.firstUnsavedAt ?? now) + this.maxMs;
      delay = Math.max(0, Math.min(idleAt, maxAt) - now);
    }
    this.timer = this.t.set(() => {
      this.timer = null;
      void this.run();
    }, delay);
  }

  /**
   * Keeps the better of two reads taken while a save runs: one that could be read over one that could not (the editor
   * was gone: its words are then in neither, and the held one saves what it can), else the newer.
   */
  private hold(read: Reading<C>): void {
    const held = this.heldRead;
    if (!held) this.heldRead = read;
    else if ('error' in read) return;
    else if ('error' in held || read.generation >= held.generation) this.heldRead = read;
  }

  /** The content as it is now, with the generation it holds (a read that throws is kept as a failed read). */
  private readNow(): Reading<C> {
    const generation = this.generation;
    const startedAt = this.t.now();
    try {
      return { generation, startedAt, content: this.o.read() };
    } catch (error) {
      return { generation, startedAt, error };
    }
  }

  private run(read?: Reading<C>): Promise<void> {
    if (this.inFlight) return this.inFlight; // the running save reschedules itself if more came in
    if (!this.dirty) return Promise.resolve();
    // A held read is sent by the save that takes it, or dropped once a newer one is sent.
    if (read === this.heldRead || (this.heldRead && read && read.generation >= this.heldRead.generation)) this.heldRead = null;
    this.setStatus({ state: 'saving' });
    // Cleared in a `finally` that always runs after this assignment: when reading the editor throws at once, the
    // attempt settles synchronously, and clearing inside it used to leave a settled promise here (no save ran again).
    this.inFlight = this.attempt(read ?? this.readNow()).finally(() => {
      this.inFlight = null;
      if (this.disposed) return;
      if (this.status.state === 'failed') this.schedule(Math.min(15_000, 1000 * 2 ** Math.min(this.failures, 4)));
      else if (this.dirty) this.schedule();
    });
    return this.inFlight;
  }

  private async attempt(read: Reading<C>): Promise<void> {
    const { generation, startedAt } = read;
    try {
      // An editor that could not be read is a failed save (shown, retried), never a silent stop.
      if ('error' in read) throw read.error;
      // A read done at once is saved in this task (no await): before unload, the request must leave now.
      const content = isThenable(read.content) ? await read.content : read.content;
      const ack = await this.o.save(content, this.status.rev);
      this.failures = 0;
      this.savedGeneration = Math.max(this.savedGeneration, generation);
      this.setStatus({ rev: ack.rev, savedAt: ack.savedAt, error: null, errorCode: null, errorKept: null, state: this.dirty ? 'pending' : 'saved' });
      // What was typed while this save ran is unsaved since this save started reading.
      this.firstUnsavedAt = this.dirty ? startedAt : null;
    } catch (err) {
      this.failures++;
      const { code, details } = (err ?? {}) as { code?: unknown; details?: unknown };
      const { kept, gone, problem } = (details ?? {}) as { kept?: unknown; gone?: unknown; problem?: unknown };
      if (kept === 'history') this.keptGeneration = generation;
      this.setStatus({
        state: 'failed',
        error: err instanceof Error ? err.message : String(err),
        errorCode: typeof code === 'string' ? code : null,
        errorKept:
          code === 'storage' && problem === 'lost' ? 'recovery' : kept === 'history' && gone === 'meeting' ? 'trash' : kept === 'history' || kept === 'section' ? kept : null,
      });
    }
  }

  private setStatus(patch: Partial<AutosaveStatus>) {
    this.status = { ...this.status, ...patch };
    this.o.onStatus(this.status);
  }
}
