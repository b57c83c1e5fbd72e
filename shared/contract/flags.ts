import { defineCalls } from './define';

/** Calls of the flags feature. */
export const flagsCalls = defineCalls({});
