import { strFromU8, unzipSync } from 'fflate';

/** Test helpers that read the two renderings of the public summary model back as text, one string per paragraph. */

const XML_ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos|#x?[0-9a-fA-F]+);/g, (_m, e: string) => XML_ENTITY[e] ?? String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)));

/** The body paragraphs of a DOCX (word/document.xml), each as its text: w:t, w:tab as "\t", w:br as "\n". */
export function docxParagraphs(bytes: Uint8Array): string[] {
  // Cells merged down from the row above (w:vMerge continue) hold an empty paragraph of their own; they are no block.
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!).replace(/<w:tc>(?:(?!<\/w:tc>)[\s\S])*?<w:vMerge(?: w:val="continue")?\/>[\s\S]*?<\/w:tc>/g, '');
  const out: string[] = [];
  for (const p of xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
    let text = '';
    for (const r of p.match(/<w:r[ >][\s\S]*?<\/w:r>/g) ?? [])
      for (const tok of r.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>|<w:tab\/>|<w:br\/>/g) ?? [])
        text += tok === '<w:tab/>' ? '\t' : tok === '<w:br/>' ? '\n' : decode(tok.replace(/^<w:t[^>]*>/, '').replace(/<\/w:t>$/, ''));
    out.push(text);
  }
  return out;
}

/** The blocks of the rendered preview ([data-pv-block]), each as its text, <br> as "\n". Needs a DOM (jsdom environment). */
export function previewParagraphs(html: string): string[] {
  const host = document.createElement('div');
  host.innerHTML = html;
  const text = (n: Node): string => {
    if (n.nodeType === 3) return n.nodeValue ?? '';
    if ((n as Element).tagName === 'BR') return '\n';
    return [...n.childNodes].map(text).join('');
  };
  return [...host.querySelectorAll('[data-pv-block]')].map(text);
}
