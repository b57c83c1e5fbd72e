/**
 * What the trash holds, its labels, and how long it keeps them, without a schema: the page that shows them needs no zod
 * (issue 16). trash.ts builds its schemas on these and re-exports everything here.
 */
export const TRASH_KINDS = ['meeting', 'agenda_item', 'organisation'] as const;
export type TrashKind = (typeof TRASH_KINDS)[number];
export const TRASH_KIND_LABEL: Record<TrashKind, string> = { meeting: 'Meeting', agenda_item: 'Agenda item', organisation: 'Organisation' };
/** Deleted things are kept this long, then removed for good. */
export const TRASH_DAYS = 30;
