import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createConfSettings } from '../../electron/backend/settings';
import { createSaveFileHandler } from '../../electron/hosts/electron-save';
import { tempDir } from './../helpers/temp';

vi.mock('electron', () => import('./electron-fake'));

const appFrame = { senderFrame: { url: 'app://renderer/index.html' } } as never;
const foreignFrame = { senderFrame: { url: 'https://evil.example/' } } as never;

function setup(choice: { canceled: boolean; filePath?: string }) {
  const dir = tempDir();
  const settings = createConfSettings(dir);
  const asked: Array<{ defaultPath?: string }> = [];
  const handler = createSaveFileHandler({
    dialog: {
      showSaveDialog: (async (...args: unknown[]) => {
        asked.push(args.at(-1) as { defaultPath?: string });
        return choice;
      }) as never,
    },
    window: () => null,
    settings,
    defaultFolder: () => '/home/officer/Documents',
  });
  return { dir, settings, asked, handler };
}

describe('saving an export in the desktop app', () => {
  it('opens the save dialog in the last folder, writes the bytes, and remembers the folder', async () => {
    const out = tempDir();
    const target = path.join(out, 'summary.docx');
    const s = setup({ canceled: false, filePath: target });
    const bytes = Buffer.from('PK docx bytes');
    const first = await s.handler(appFrame, '2026-01-30 Meeting – public summary.docx', bytes.toString('base64'));
    expect(first).toEqual({ ok: true, value: { saved: true, where: target } });
    expect(s.asked[0]!.defaultPath).toBe('/home/officer/Documents/2026-01-30 Meeting – public summary.docx');
    expect(fs.readFileSync(target)).toEqual(bytes);
    expect(s.settings.get().lastExportFolder).toBe(out);
    await s.handler(appFrame, 'next.docx', bytes.toString('base64'));
    expect(s.asked[1]!.defaultPath).toBe(path.join(out, 'next.docx'));
    // persisted by conf in the data folder, like electron-store does in userData
    expect(createConfSettings(s.dir).get().lastExportFolder).toBe(out);
  });

  it('writes nothing when the user cancels', async () => {
    const s = setup({ canceled: true });
    expect(await s.handler(appFrame, 'a.docx', 'AAAA')).toEqual({ ok: true, value: { saved: false } });
    expect(s.settings.get().lastExportFolder).toBe('');
  });

  it('refuses a foreign sender and file names that are not a plain .docx name', async () => {
    const s = setup({ canceled: false, filePath: '/tmp/x.docx' });
    expect(await s.handler(foreignFrame, 'a.docx', 'AAAA')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const bad of ['../../etc/passwd.docx', 'a.exe', 'dir/a.docx', '', 42]) {
      expect(await s.handler(appFrame, bad, 'AAAA'), String(bad)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect(s.asked).toHaveLength(0);
  });
});
