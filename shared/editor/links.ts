/**
 * The only link targets the app keeps from a paste, exports into a document or lets through the redaction check:
 * web pages and e-mail addresses. One pattern for the editor, the exporters and the check.
 */
export const SAFE_URL = /^(https?:|mailto:)/i;

/** A link the officer typed in the link editor: a safe target written out in full (`https://…`, `mailto:…`), no spaces. */
export function isCompleteLink(url: string): boolean {
  return SAFE_URL.test(url) && /^(?:[a-z]+:\/\/|mailto:)\S+$/i.test(url);
}

/**
 * The longest link address the stored minutes take (doc-schema.ts). A longer one (a SafeLinks or SharePoint address
 * with its tracking parameters) made every later save of its section refused: a paste brings such a link in as its
 * words only, and the link editor refuses it and says why.
 */
export const LINK_URL_MAX = 4000;
