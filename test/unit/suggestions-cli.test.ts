import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [path.join(ROOT, 'scripts/suggest.mjs'), ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 120_000 });

describe('npm run suggest', () => {
  it('reads [{id, sentences}] and prints the spans per sentence as JSON, with the example meeting as context', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tfs-suggest-test-'));
    const file = path.join(dir, 'in.json');
    fs.writeFileSync(
      file,
      JSON.stringify([
        { id: 'p1', sentences: ['Amazon then reported on its cloud business in Europe.', 'It expected its new region to carry about a third of AI workloads within a year.'] },
        { id: 'p2', sentences: ['The minutes of the previous meeting were approved.'] },
        { id: 'p3', sentences: ['Jonas Weber asked that this not be minuted.'] },
      ]),
    );
    const r = run([file]);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Array<{ id: string; spans: Array<{ sentence: number; start: number; end: number; kind: string; reason: string }> }>;
    expect(out.map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
    const second = 'It expected its new region to carry about a third of AI workloads within a year.';
    expect(out[0]!.spans).toEqual([expect.objectContaining({ sentence: 1, start: 0, end: second.length, kind: 'org_near_figure' })]);
    expect(out[0]!.spans[0]!.reason).toContain('Amazon');
    expect(out[1]!.spans).toEqual([]);
    // One span for the whole request (the representative's name inside it is merged into it; the reason says both).
    expect(out[2]!.spans.map((s) => s.kind)).toEqual(['confidentiality_phrase']);
    expect(out[2]!.spans[0]!.reason).toContain('Jonas Weber');
  }, 120_000);

  it('says what is wrong with bad input and exits 2', () => {
    const r = run(['-'], '[{"id": "x", "sentences": "not a list"}]');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('"sentences" must be an array of strings');
    expect(run([]).status).toBe(2);
  }, 120_000);
});
