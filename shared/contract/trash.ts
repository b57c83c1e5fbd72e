import * as z from 'zod';
import { ById, Empty, Id, Ok } from '../domain/common';
import { defineCalls } from './define';
import { lazySchema } from '../lazy-schema';
import { TRASH_KINDS, type TrashKind as TrashKindValue } from './trash-labels';
// Kinds, labels and the keeping time live in the schema-free trash-labels.ts (the renderer needs no zod for them).
export * from './trash-labels';

export const TrashKind = lazySchema(() => z.enum(TRASH_KINDS));
export type TrashKind = TrashKindValue;


export const TrashEntry = lazySchema(() => z.object({
  id: Id,
  kind: TrashKind,
  /** "Plenary — 10 February 2026", "2.1 Transparency (Plenary of …)", "Mistral AI". */
  label: z.string(),
  /** What comes back with it: "4 agenda items, minutes of 3 sections, 2 decisions". */
  detail: z.string(),
  /**
   * It holds words a save refused (a window typed into the meeting's minutes, or the item's, after it was deleted),
   * kept nowhere else: the Trash asks before they go for good, emptying included. `detail` names them first.
   */
  keptWords: z.boolean(),
  deletedAt: z.string(),
  deletedBy: z.string(),
  /** When it is removed for good unless restored. */
  expiresAt: z.string(),
}));
export type TrashEntry = z.infer<typeof TrashEntry>;

export const RestoreOutcome = lazySchema(() => z.object({ kind: TrashKind, entityId: Id, meetingId: Id.nullable(), label: z.string() }));
export type RestoreOutcome = z.infer<typeof RestoreOutcome>;

/** Calls of the trash: deleted meetings, agenda items and organisations, restorable for 30 days. */
export const trashCalls = defineCalls({
  'trash.list': { input: Empty, output: lazySchema(() => z.array(TrashEntry)), summary: 'What was deleted in the last 30 days, newest first.' },
  'trash.restore': { input: ById, output: RestoreOutcome, summary: 'Put a deleted meeting, agenda item or organisation back with everything it held.' },
  'trash.purge': { input: ById, output: Ok, summary: 'Remove one entry from the trash for good.' },
  'trash.empty': { input: lazySchema(() => z.object({ confirm: z.literal(true) }).strict()), output: lazySchema(() => z.object({ removed: z.number().int() })), summary: 'Empty the trash for good.' },
});
