import * as z from 'zod';
import { lazySchema } from '../lazy-schema';

/** Ids are opaque strings (UUIDs made by the backend) so that records can later be merged across machines. */
export const Id = lazySchema(() => z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'must be an id'));
export type Id = z.infer<typeof Id>;

/**
 * Characters no text of the app may hold: NUL, an unpaired UTF-16 surrogate (stored as invalid UTF-8 by SQLite) and
 * the noncharacters U+FFFE/U+FFFF (which DOCX cannot carry). The one rule for the whole boundary: the dispatcher
 * refuses any input string (or key) that has one; pasted minutes text is cleaned with replaceForbiddenChars first.
 */
export const FORBIDDEN_CHARS = /[\u0000\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const FORBIDDEN_CHARS_G = new RegExp(FORBIDDEN_CHARS.source, 'g');
export const FORBIDDEN_CHARS_MESSAGE = 'must not contain NUL, an unpaired surrogate or U+FFFE/U+FFFF';
export const hasForbiddenChars = (s: string): boolean => FORBIDDEN_CHARS.test(s);
/** U+FFFD stands, visibly, for each forbidden character (for pasted text, which must not be refused as a whole). */
export const replaceForbiddenChars = (s: string): string => s.replace(FORBIDDEN_CHARS_G, '\uFFFD');

/** Text typed by a person: trimmed, no forbidden characters, bounded. */
export const Text = (max = 500) =>
  z
    .string()
    .max(max)
    .transform((s) => s.trim())
    .refine((s) => !hasForbiddenChars(s), FORBIDDEN_CHARS_MESSAGE);
export const RequiredText = (max = 500) => Text(max).refine((s) => s.length > 0, 'is required');

/** An IANA time zone the platform knows ("Europe/Brussels"), as the body and each meeting take it. */
export const TimeZoneName = lazySchema(() => Text(64).refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'is not a known time zone'));

/** A wall-clock date and time in the meeting's time zone: 2026-01-30T10:00 */
export const LocalDateTime = lazySchema(() => z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must be a date and time like 2026-01-30T10:00')
  .refine((s) => {
    const t = Date.parse(`${s}:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 16) === s;
  }, 'is not a real date and time'));
export type LocalDateTime = z.infer<typeof LocalDateTime>;

/** An instant, as stored by the backend (ISO 8601 UTC). */
export const Instant = lazySchema(() => z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, 'must be an ISO instant'));

export const Empty = lazySchema(() => z.object({}).strict());
export const ById = lazySchema(() => z.object({ id: Id }).strict());
export const Ok = lazySchema(() => z.object({ ok: z.literal(true) }));
