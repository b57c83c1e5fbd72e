import * as z from 'zod';
import { RequiredText, Text, TimeZoneName } from './common';
import { lazySchema } from '../lazy-schema';

/**
 * The body's document conventions (EU house rules, configurable per body): the reference every document carries
 * (prefix, then the meeting's year and number), the place of issue ("Brussels, 30 January 2026"), the one time zone
 * and language every document is written in, and the marking of internal documents (deliberately not an EU
 * classification level such as "CONFIDENTIAL").
 */
export const DEFAULT_DOCUMENT_CONVENTIONS = {
  referencePrefix: 'AIO/SIGTF',
  placeOfIssue: 'Brussels',
  timeZone: 'Europe/Brussels',
  language: 'en-GB',
  internalMarking: 'Internal — not for publication',
} as const;

/** A BCP 47 tag as Word's w:lang takes it: "en-GB", "fr-BE". */
const LanguageTag = lazySchema(() => z.string().trim().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'is not a language tag such as en-GB'));

export const Body = lazySchema(() => z.object({
  name: z.string(),
  chair: z.string(),
  referencePrefix: z.string().default(DEFAULT_DOCUMENT_CONVENTIONS.referencePrefix),
  placeOfIssue: z.string().default(DEFAULT_DOCUMENT_CONVENTIONS.placeOfIssue),
  timeZone: z.string().default(DEFAULT_DOCUMENT_CONVENTIONS.timeZone),
  language: z.string().default(DEFAULT_DOCUMENT_CONVENTIONS.language),
  internalMarking: z.string().default(DEFAULT_DOCUMENT_CONVENTIONS.internalMarking),
}));
export type Body = z.infer<typeof Body>;
export const BodyUpdate = lazySchema(() => z
  .object({
    name: RequiredText(300),
    chair: RequiredText(200),
    referencePrefix: Text(60).optional(),
    placeOfIssue: Text(100).optional(),
    timeZone: TimeZoneName.optional(),
    language: LanguageTag.optional(),
    internalMarking: RequiredText(100).optional(),
  })
  .strict());
