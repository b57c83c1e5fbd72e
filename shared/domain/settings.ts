import { z } from 'zod';

/**
 * Per-user settings, kept outside the database (electron-store in Electron, conf in the browser host): things about
 * this machine and this person, not about the body's records.
 */
export const Settings = z.object({
  /** Folder of the last DOCX export (the desktop save dialog opens there). */
  lastExportFolder: z.string(),
});
export type Settings = z.infer<typeof Settings>;
export const DEFAULT_SETTINGS: Settings = { lastExportFolder: '' };
export const SettingsUpdate = z.object({ lastExportFolder: z.string().max(4096).optional() }).strict();
export type SettingsUpdate = z.input<typeof SettingsUpdate>;
