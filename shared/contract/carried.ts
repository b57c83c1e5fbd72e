import * as z from 'zod';
import { lazySchema } from '../lazy-schema';

/** A meeting named to the officer: its title and when it starts (never its internal id). */
const NamedMeeting = lazySchema(() => z.object({ title: z.string(), startsAt: z.string() }));

/**
 * What a restore (or the import of a meeting package) kept of the confidentiality it would otherwise have dropped:
 * flags and withheld items the data before it knew and the data after it did not. Going back in time never makes
 * confidential text public: each such flag is in force again (its mark missing where its words stand unmarked, so the
 * public summary is refused until the officer flags them again or lifts the flag), each such item is withheld again.
 */
export const CarriedConfidentiality = lazySchema(() =>
  z.object({
    /** Flag records put back in force (mark missing). */
    flags: z.number().int().min(0),
    /** Agenda items withheld from publication again. */
    withheld: z.number().int().min(0),
    /** Meetings set again to leave withheld items out of their public summary entirely (not even their titles). */
    titlesHidden: z.number().int().min(0),
    /** The meetings those flags, items and settings belong to. */
    meetings: z.array(NamedMeeting),
    /** Meetings the restored data does not hold, put in its trash so that their flags keep guarding their passages. */
    inTrash: z.array(NamedMeeting),
    /** The data before could not be read: nothing could be carried over (the officer is told to check). */
    unreadable: z.boolean(),
    /** What the officer is told, in words ('' when nothing was carried over). */
    message: z.string(),
  }),
);
export type CarriedConfidentiality = z.infer<typeof CarriedConfidentiality>;
