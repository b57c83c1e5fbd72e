import * as z from 'zod';
import { lazySchema } from '../lazy-schema';
import { FORBIDDEN_CHARS_MESSAGE, hasForbiddenChars } from '../text/forbidden-chars';
import { ID_PATTERN } from './id-pattern';

// The forbidden characters and their one rule live in the schema-free shared/text/forbidden-chars.ts (the renderer's
// paste cleaning needs them without zod); re-exported here, where the schemas use them.
export * from '../text/forbidden-chars';

/** Ids are opaque strings (UUIDs made by the backend) so that records can later be merged across machines. */
export { ID_PATTERN };
export const Id = lazySchema(() => z.string().regex(ID_PATTERN, 'must be an id'));
export type Id = z.infer<typeof Id>;

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
