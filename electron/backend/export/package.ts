import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * Makes what docx packed deterministic and clean, so identical input gives identical bytes and the public file
 * carries nothing it does not need:
 * - the core properties' created/modified dates become the given instant (docx writes "now");
 * - the empty custom-properties part docx always adds is removed, with its relationship and content type;
 * - relationship ids docx draws at random (hyperlinks) are renamed in order of appearance;
 * - the zip is rewritten with a fixed modification time and a fixed part order ([Content_Types].xml first).
 */
export function finalisePackage(bytes: Uint8Array, fixedInstant: string): Uint8Array {
  const parts = unzipSync(bytes);
  const text = (name: string) => (parts[name] ? strFromU8(parts[name]) : undefined);
  const put = (name: string, s: string) => {
    parts[name] = strToU8(s);
  };

  delete parts['docProps/custom.xml'];
  const types = text('[Content_Types].xml');
  if (types !== undefined) put('[Content_Types].xml', types.replace(/<Override[^>]*PartName="\/docProps\/custom\.xml"[^>]*\/>/g, ''));
  const rootRels = text('_rels/.rels');
  if (rootRels !== undefined) put('_rels/.rels', rootRels.replace(/<Relationship[^>]*Target="docProps\/custom\.xml"[^>]*\/>/g, ''));

  const core = text('docProps/core.xml');
  if (core !== undefined)
    put(
      'docProps/core.xml',
      core.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, (_m, open: string, _n, close: string) => `${open}${fixedInstant}${close}`),
    );

  for (const relsName of Object.keys(parts).filter((n) => /^word\/_rels\/[^/]+\.rels$/.test(n))) {
    const owner = `word/${relsName.slice('word/_rels/'.length, -'.rels'.length)}`;
    let rels = text(relsName)!;
    let body = text(owner);
    let n = 0;
    const renames = new Map<string, string>();
    for (const m of rels.matchAll(/Id="([^"]+)"/g)) {
      const id = m[1]!;
      if (/^rId\d+$/.test(id) || renames.has(id)) continue;
      renames.set(id, `rIdX${++n}`);
    }
    for (const [from, to] of renames) {
      rels = rels.split(`Id="${from}"`).join(`Id="${to}"`);
      if (body !== undefined) body = body.split(`"${from}"`).join(`"${to}"`);
    }
    put(relsName, rels);
    if (body !== undefined) put(owner, body);
  }

  // DOS time fields are written from local getters; a Date built from local fields is the same in every zone.
  const mtime = new Date(2000, 0, 1, 0, 0, 0);
  const names = Object.keys(parts).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const zippable: Zippable = {};
  for (const name of names) zippable[name] = [parts[name]!, { mtime, level: 6 }];
  return zipSync(zippable);
}
