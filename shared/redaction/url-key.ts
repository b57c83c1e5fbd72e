/**
 * How two URLs are compared for tainting: a copy of a secret URL that differs only in case, padding, scheme, a user
 * name before the host, a port (the default one written out, or any other), a leading "www.", a fragment, trailing
 * slashes or percent-encoding is the same secret. (Wider than equality on purpose: a tainted link keeps its text and
 * loses only its target.) A "mailto:" address keeps its user: it is the address.
 */
export function urlKey(url: string): string {
  let key = url.trim().toLowerCase().replace(/#.*$/s, '');
  try {
    key = decodeURI(key);
  } catch {
    // a malformed escape: compared as written
  }
  const withHost = /^[a-z][a-z0-9+.-]*:\/\/([^/?]*)(.*)$/s.exec(key);
  // scheme://user:password@host:port/… → host/…
  if (withHost) key = withHost[1]!.replace(/^.*@/s, '').replace(/:\d*$/, '') + withHost[2]!;
  return key
    .replace(/^[a-z][a-z0-9+.-]*:(\/\/)?/, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
}
