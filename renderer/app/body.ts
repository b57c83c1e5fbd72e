import { sharedRead } from './shared-read';

/**
 * The body (its name and chair) as the pages read it, asked once per page load (the top bar and the minutes page's
 * public preview each asked `body.get` before). A change saved in Settings replaces it (`bodyChanged`).
 */
const body = sharedRead('body.get');

export const loadBody = body.load;
/** The body if its answer has come (a first render shows it at once), else undefined. */
export const bodyNow = body.now;
export const bodyChanged = body.known;
