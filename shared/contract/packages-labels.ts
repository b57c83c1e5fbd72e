/**
 * A meeting package's size limit and file extension, without a schema: the page that shows them needs no zod
 * (issue 16). packages.ts builds its schemas on these and re-exports everything here.
 */
/** A package file is at most this large (before base64). */
export const MAX_PACKAGE_BYTES = 20 * 1024 * 1024;
export const PACKAGE_EXTENSION = '.tfsmeeting';
