/**
 * Characters no text of the app may hold: NUL, an unpaired UTF-16 surrogate (stored as invalid UTF-8 by SQLite) and
 * the noncharacters U+FFFE/U+FFFF (which DOCX cannot carry). The one rule for the whole boundary: the dispatcher
 * refuses any input string (or key) that has one; pasted minutes text is cleaned with replaceForbiddenChars first.
 */
export const FORBIDDEN_CHARS = /[\u0000\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const FORBIDDEN_CHARS_G = new RegExp(FORBIDDEN_CHARS.source, 'g');
export const FORBIDDEN_CHARS_MESSAGE = 'must not contain NUL, an unpaired surrogate or U+FFFE/U+FFFF';
export const hasForbiddenChars = (s: string): boolean => FORBIDDEN_CHARS.test(s);
/** U+FFFD stands, visibly, for each forbidden character (for pasted text, which must not be refused as a whole). */
export const replaceForbiddenChars = (s: string): string => s.replace(FORBIDDEN_CHARS_G, '\uFFFD');
