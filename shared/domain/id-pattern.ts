/**
 * The shape of every record's id, without zod: the schemas check ids with it (common.ts Id), and the renderer's pages,
 * which load no zod, tell an address no record could have from one of a record that may exist
 * (renderer/features/meetings/MeetingMissing.tsx).
 */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
