import * as z from 'zod';
import { Empty, Id } from '../domain/common';
import { defineCalls } from './define';
import { lazySchema } from '../lazy-schema';

/** Which meetings and organisations the example loader made: shown apart from the real roster, removed in one step. */
export const ExampleStatus = lazySchema(() => z.object({ meetingIds: z.array(Id), organisationIds: z.array(Id) }));
export type ExampleStatus = z.infer<typeof ExampleStatus>;

/** Calls that keep the example data apart (example.load itself is in core). */
export const exampleCalls = defineCalls({
  'example.status': { input: Empty, output: ExampleStatus, summary: 'The meetings and organisations that belong to the example data.' },
  'example.remove': {
    input: lazySchema(() => z.object({ confirm: z.literal(true) }).strict()),
    output: lazySchema(() => z.object({ meetings: z.number().int(), organisations: z.number().int() })),
    summary: 'Remove the example meeting(s) and the example organisations in one step (real data is not touched).',
  },
});
