import * as z from 'zod';
import { DEFAULT_REDACTION_MARKER } from './meeting';
import { lazySchema } from '../lazy-schema';

/**
 * Per-user settings, kept outside the database (electron-store in Electron, conf in the browser host): things about
 * this machine and this person, not about the body's records (the body's name and chair are in the database).
 */
export const THEMES = ['system', 'light', 'dark'] as const;
export const Theme = lazySchema(() => z.enum(THEMES));
export type Theme = z.infer<typeof Theme>;
export const THEME_LABEL: Record<Theme, string> = { system: 'As the system', light: 'Light', dark: 'Dark' };

const Marker = lazySchema(() => z
  .string()
  .max(20)
  .refine((s) => s.trim().length > 0, 'must not be empty'));

export const Settings = lazySchema(() => z.object({
  /** Folder of the last DOCX export (the desktop save dialog opens there unless a default folder is set). */
  lastExportFolder: z.string(),
  /** Where exports are offered first ('' = the last folder used). */
  defaultExportFolder: z.string(),
  theme: Theme,
  /** The marker a new meeting starts with (each meeting keeps its own). */
  redactionMarker: Marker,
  /**
   * Set when the settings file could not be read at start: what happened and where the copy of the old file is.
   * Not stored; cleared when the officer acknowledges it (settings.update { acknowledgeProblem: true }).
   */
  problem: z.string().nullable(),
  /** The officer's name, recorded with the flags they set (never the operating-system account). '' until given. */
  officerName: z.string(),
  /** Whether the app has asked for the name once already (it asks once, in the app, and never again). */
  officerNameAsked: z.boolean(),
}));
export type Settings = z.infer<typeof Settings>;
export const DEFAULT_SETTINGS: Settings = {
  lastExportFolder: '',
  defaultExportFolder: '',
  theme: 'system',
  redactionMarker: DEFAULT_REDACTION_MARKER,
  problem: null,
  officerName: '',
  officerNameAsked: false,
};
/** Keys kept in the settings file (problem is not). */
export const STORED_SETTINGS = ['lastExportFolder', 'defaultExportFolder', 'theme', 'redactionMarker', 'officerName', 'officerNameAsked'] as const;

export const SettingsUpdate = lazySchema(() => z
  .object({
    lastExportFolder: z.string().max(4096).optional(),
    defaultExportFolder: z.string().max(4096).optional(),
    theme: Theme.optional(),
    redactionMarker: Marker.optional(),
    acknowledgeProblem: z.literal(true).optional(),
    officerName: z
      .string()
      .max(200)
      .transform((s) => s.replace(/\s+/g, ' ').trim())
      .optional(),
    officerNameAsked: z.boolean().optional(),
  })
  .strict());
export type SettingsUpdate = z.input<typeof SettingsUpdate>;
