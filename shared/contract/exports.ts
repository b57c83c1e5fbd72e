import { defineCalls } from './define';

/** Calls of the exports feature. */
export const exportsCalls = defineCalls({});
