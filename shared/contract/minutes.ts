import { defineCalls } from './define';

/** Calls of the minutes feature. */
export const minutesCalls = defineCalls({});
