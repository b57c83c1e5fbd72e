import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * Makes what docx packed deterministic and clean, so identical input gives identical bytes and the public file
 * carries nothing it does not need:
 * - the core properties' created/modified dates become the given instant (docx writes "now");
 * - the empty custom-properties part docx always adds is removed, with its relationship and content type;
 * - relationship ids docx draws at random (hyperlinks) are renamed in order of appearance;
 * - the zip is rewritten with a fixed modification time and a fixed part order ([Content_Types].xml first).
 * And so that Word shows what LibreOffice shows:
 * - PAGE / NUMPAGES fields get a cached result ("1"), which readers that do not update fields show as it is;
 * - the font table, which docx leaves empty, lists the fonts the documents use (with their PANOSE and family, so a
 *   reader without them picks a metric-compatible substitute).
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

  for (const name of Object.keys(parts).filter((n) => /^word\/(header|footer)\d+\.xml$|^word\/document\.xml$/.test(n))) put(name, withCachedFieldResults(text(name)!));
  const fonts = text('word/fontTable.xml');
  if (fonts !== undefined) put('word/fontTable.xml', withFontEntries(fonts));

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

/** The fonts the house style uses (style.ts: Arial for text, Courier New for code). */
const FONT_ENTRIES =
  '<w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/>' +
  '<w:sig w:usb0="E0002EFF" w:usb1="C000785B" w:usb2="00000009" w:usb3="00000000" w:csb0="000001FF" w:csb1="00000000"/></w:font>' +
  '<w:font w:name="Courier New"><w:panose1 w:val="02070309020205020404"/><w:charset w:val="00"/><w:family w:val="modern"/><w:pitch w:val="fixed"/>' +
  '<w:sig w:usb0="E0002EFF" w:usb1="C0007843" w:usb2="00000009" w:usb3="00000000" w:csb0="000001FF" w:csb1="00000000"/></w:font>';

export function withFontEntries(xml: string): string {
  if (/<w:font\s/.test(xml)) return xml;
  const selfClosing = /<w:fonts(\s[^>]*)?\/>/;
  if (selfClosing.test(xml)) return xml.replace(selfClosing, (m) => `${m.slice(0, -2)}>${FONT_ENTRIES}</w:fonts>`);
  return xml.replace(/<\/w:fonts>/, `${FONT_ENTRIES}</w:fonts>`);
}

/**
 * Puts a cached result between a field's "separate" and "end" characters where there is none: the run's own
 * formatting, text "1" (Word and LibreOffice recompute PAGE and NUMPAGES when they lay the page out).
 */
export function withCachedFieldResults(xml: string): string {
  return xml.replace(
    /(<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:fldChar w:fldCharType="separate"\/><\/w:r>)(<w:r>(?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:fldChar w:fldCharType="end"\/><\/w:r>)/g,
    (_m, sep: string, rPr: string | undefined, end: string) => `${sep}<w:r>${rPr ?? ''}<w:t>1</w:t></w:r>${end}`,
  );
}
