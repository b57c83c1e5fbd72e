/**
 * Text that may be written into a document: what XML 1.0 cannot carry is replaced visibly. Pure, so that the public
 * summary model (shared/redaction) holds exactly the text the DOCX will hold, and the preview shows the same.
 */

/** U+FFFD: what stands, visibly, for a character that cannot be written. */
export const REPLACEMENT = '\uFFFD';

/**
 * Replaces what XML 1.0 cannot carry (C0 controls but tab/newline, U+FFFE/U+FFFF, lone surrogates) by U+FFFD,
 * and carriage returns by newlines. Valid astral characters (surrogate pairs) are kept.
 */
export function sanitiseText(input: string): string {
  const s = input.replace(/\r\n?/g, '\n');
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += s[i]! + s[i + 1]!;
        i++;
      } else out += REPLACEMENT;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      out += REPLACEMENT;
      continue;
    }
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || c === 0xfffe || c === 0xffff) {
      out += REPLACEMENT;
      continue;
    }
    out += s[i]!;
  }
  return out;
}
