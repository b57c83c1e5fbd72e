import { z } from 'zod';

/**
 * Per-user settings, kept outside the database (electron-store in Electron, conf in the browser host): things about
 * this machine and this person, not about the body's records.
 */
export const Settings = z.object({
  /** Folder of the last DOCX export (the desktop save dialog opens there). */
  lastExportFolder: z.string(),
  /** The officer's name, recorded with the flags they set (never the operating-system account). '' until given. */
  officerName: z.string(),
  /** Whether the app has asked for the name once already (it asks once, in the app, and never again). */
  officerNameAsked: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;
export const DEFAULT_SETTINGS: Settings = { lastExportFolder: '', officerName: '', officerNameAsked: false };
export const SettingsUpdate = z
  .object({
    lastExportFolder: z.string().max(4096).optional(),
    officerName: z
      .string()
      .max(200)
      .transform((s) => s.replace(/\s+/g, ' ').trim())
      .optional(),
    officerNameAsked: z.boolean().optional(),
  })
  .strict();
export type SettingsUpdate = z.input<typeof SettingsUpdate>;
