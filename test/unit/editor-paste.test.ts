// @vitest-environment jsdom
import { $createParagraphNode, $createTextNode, $getRoot, $getSelection, type ElementNode, type LexicalEditor, type TextNode } from 'lexical';
import { walkSection } from '../../shared/redaction/walk';
import { describe, expect, it } from 'vitest';
import { NODE_TYPES, plainText, type SerializedNode } from '../../shared/editor/doc-model';
import { SerializedDoc } from '../../shared/editor/doc-schema';
import { createHeadlessMinutesEditor, serializeEditor } from '../../renderer/editor/headless';
import { $createDecisionNode, $createFlagNode } from '../../renderer/editor/nodes';
import { $insertCleanedDataTransfer, EMBED_OMITTED, IMAGE_OMITTED, TABLE_NOTE, type ClipboardLike } from '../../renderer/editor/paste';

const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15">
<style><!-- p.MsoNormal {mso-style-unhide:no; margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif; color:red;} --></style>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]--></head>
<body lang=EN-GB style='tab-interval:36.0pt'>
<!--StartFragment-->
<h2 style='margin-left:18pt;text-align:center'><span style='font-family:"Times New Roman";mso-fareast-font-family:Calibri'>Item 3: Transparency<o:p></o:p></span></h2>
<p class=MsoNormal style='text-align:justify;margin-left:36pt'><b><span style='font-size:14.0pt;font-family:"Arial",sans-serif;color:#C00000'>Chair</span></b><span style='font-family:"Arial"'> opened the <i>session</i> at 10:00.<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-fareast-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span style='font-family:Calibri'>First point<o:p></o:p></span></p>
<p class=MsoNormal><a href="#_Toc123">See section 2</a> and <a href="https://digital-strategy.ec.europa.eu/">the Code</a><o:p>&nbsp;</o:p></p>
<p class=MsoNormal><img width=100 height=50 src="file:///C:/Users/x/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png" alt=chart></p>
<table class=MsoTableGrid border=1><tr><td><p class=MsoNormal>Signatory<o:p></o:p></p></td><td><p class=MsoNormal>Position<o:p></o:p></p></td></tr>
<tr><td><p class=MsoNormal>Acme AI</p></td><td><p class=MsoNormal>Supports</p></td></tr></table>
<!--EndFragment-->
</body></html>`;

const WEB_HTML = `<meta charset="utf-8"><div style="font-family: Roboto; background: yellow">
<script>window.stolen = document.cookie</script><style>.x{color:red}</style>
<p style="color: rgb(32,33,36); font-size: 18px">Intro <strong>bold</strong> <code>code</code> <span style="font-weight:700">weighted</span></p>
<p><a href="javascript:alert(1)" onclick="evil()">bad link</a> and <a href="https://example.org/x" target="_blank" title="t">good link</a></p>
<img src="https://example.org/pic.png" alt="A chart"><iframe src="https://example.org/embed"></iframe>
<ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul>
<table><thead><tr><th>Name</th><th>Vote</th></tr></thead><tbody><tr><td>A</td><td>Yes</td></tr></tbody></table>
<p hidden>secret hidden text</p><span style="display:none">also hidden</span>
<h5>Small heading</h5><blockquote>Quoted</blockquote></div>`;

function clipboard(data: Record<string, string>, files = 0): ClipboardLike {
  return { getData: (t) => data[t] ?? '', types: Object.keys(data), files: { length: files } };
}

function paste(editor: LexicalEditor, data: ClipboardLike, atEnd = true): SerializedDoc {
  editor.update(
    () => {
      const sel = atEnd ? $getRoot().getLastChildOrThrow<ReturnType<typeof $createParagraphNode>>().selectEnd() : $getSelection()!;
      $insertCleanedDataTransfer(editor, data, sel);
    },
    { discrete: true },
  );
  return serializeEditor(editor);
}

function walk(n: SerializedNode, f: (n: SerializedNode) => void): void {
  f(n);
  for (const c of (n.children as SerializedNode[] | undefined) ?? []) walk(c, f);
}

function checkAllowed(doc: SerializedDoc): void {
  expect(SerializedDoc.safeParse(doc).success).toBe(true);
  walk(doc.root, (n) => {
    expect(NODE_TYPES).toContain(n.type);
    if (n.type === 'text') expect(n.style).toBe('');
    if (n.type === 'text') expect((n.format as number) & ~15).toBe(0);
    if (['paragraph', 'heading', 'quote'].includes(n.type)) {
      expect(n.format).toBe('');
      expect(n.indent).toBe(0);
    }
  });
}

/** The tables of a document: rows of cells' text. */
function tablesOf(doc: SerializedDoc): string[][][] {
  const out: string[][][] = [];
  walk(doc.root, (n) => {
    if (n.type === 'table') out.push((n.children as SerializedNode[]).map((r) => (r.children as SerializedNode[]).map((c) => plainText(c).trim())));
  });
  return out;
}

describe('paste cleaning', () => {
  it('a pasted table is a real table the one reader accepts; a table inside it, or pasted into a cell, becomes text', () => {
    const html = '<table><tr><th>Org</th><th>Position</th></tr><tr><td>Acme <b>AI</b><table><tr><td>inner 1</td><td>inner 2</td></tr></table></td><td colspan="1">Supports</td></tr></table>';
    const editor = createHeadlessMinutesEditor();
    const doc = paste(editor, clipboard({ 'text/html': html }));
    checkAllowed(doc);
    expect(SerializedDoc.safeParse(doc).success).toBe(true);
    const tables = tablesOf(doc);
    expect(tables).toHaveLength(1);
    expect(tables[0]![0]).toEqual(['Org', 'Position']);
    expect(tables[0]![1]![0]).toContain(TABLE_NOTE);
    expect(tables[0]![1]![0]).toContain('inner 1 | inner 2');
    const blocks: Array<{ kind: string; cell: boolean; text: string }> = [];
    walkSection(doc, 'doc', (shape, atoms) => blocks.push({ kind: shape.kind, cell: !!shape.cell, text: atoms.map((a) => a.text).join('') }));
    expect(blocks.filter((b) => b.cell).map((b) => b.text)).toContain('Supports');
    // pasting a table with the caret in a cell: the pasted table becomes text in that cell (no nested table)
    editor.update(
      () => {
        const cell = $getRoot()
          .getChildren()
          .find((n) => n.getType() === 'table') as ElementNode;
        (cell.getFirstDescendant() as TextNode).select();
      },
      { discrete: true },
    );
    const again = paste(editor, clipboard({ 'text/html': '<table><tr><td>x1</td><td>x2</td></tr></table>' }), false);
    expect(tablesOf(again)).toHaveLength(1);
    expect(JSON.stringify(again)).toContain('x1 | x2');
    expect(() => walkSection(again, 'doc', () => {})).not.toThrow();
  });


  it('Word HTML: no styles, list glyphs or <o:p>; images and tables visible as text; unsafe links unwrapped', () => {
    const doc = paste(createHeadlessMinutesEditor(), clipboard({ 'text/html': WORD_HTML, 'text/plain': 'ignored' }));
    checkAllowed(doc);
    const text = plainText(doc.root);
    expect(text).toContain('Item 3: Transparency');
    expect(text).toContain('Chair opened the session at 10:00.');
    expect(text).toContain('First point');
    expect(text).not.toContain('·');
    expect(text).toContain(IMAGE_OMITTED);
    expect(text).not.toContain(TABLE_NOTE);
    // the table stays a table (@lexical/table), its cells' text kept, no Word styles
    expect(tablesOf(doc)).toEqual([[['Signatory', 'Position'], ['Acme AI', 'Supports']]]);
    expect(text).not.toContain('mso');
    const json = JSON.stringify(doc);
    expect(json).not.toMatch(/Calibri|Arial|font|color|#C00000/);
    const links: SerializedNode[] = [];
    walk(doc.root, (n) => n.type === 'link' && links.push(n));
    expect(links.map((l) => l.url)).toEqual(['https://digital-strategy.ec.europa.eu/']);
    expect(text).toContain('See section 2');
    // bold and italic survive as formats
    expect(json).toMatch(/"format":1,[^}]*"text":"Chair"/);
    expect(json).toMatch(/"format":2,[^}]*"text":"session"/);
    expect(doc.root.children.some((c) => c.type === 'heading')).toBe(true);
  });

  it('web HTML: scripts, styles, hidden text dropped; images/iframes/tables visible; lists and quotes kept', () => {
    const doc = paste(createHeadlessMinutesEditor(), clipboard({ 'text/html': WEB_HTML }));
    checkAllowed(doc);
    const text = plainText(doc.root);
    const json = JSON.stringify(doc);
    expect(json).not.toMatch(/stolen|cookie|color:red|Roboto|yellow|evil/);
    expect(text).not.toContain('secret hidden text');
    expect(text).not.toContain('also hidden');
    expect(text).toContain(IMAGE_OMITTED);
    expect(text).toContain(EMBED_OMITTED);
    expect(tablesOf(doc)).toEqual([[['Name', 'Vote'], ['A', 'Yes']]]);
    // <th> in a <thead>: a header row (headerState with the row bit)
    const cells: SerializedNode[] = [];
    walk(doc.root, (n) => n.type === 'tablecell' && cells.push(n));
    expect(cells.map((c) => (c.headerState as number) & 1)).toEqual([1, 1, 0, 0]);
    expect(text).toContain('bad link');
    const links: SerializedNode[] = [];
    walk(doc.root, (n) => n.type === 'link' && links.push(n));
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ url: 'https://example.org/x', target: null, title: null });
    const types = new Set<string>();
    walk(doc.root, (n) => types.add(n.type));
    for (const t of ['list', 'listitem', 'quote', 'heading']) expect(types).toContain(t);
    // code (16) is dropped from the format (the text merges with its neighbours), bold kept
    expect(json).toMatch(/"format":0,[^}]*"text":" code "/);
    expect(json).toMatch(/"format":1,[^}]*"text":"bold"/);
  });

  it('plain text is inserted as text; a paste of only files leaves a visible note', () => {
    let doc = paste(createHeadlessMinutesEditor(), clipboard({ 'text/plain': 'line one\nline two' }));
    expect(plainText(doc.root)).toContain('line one');
    expect(plainText(doc.root)).toContain('line two');
    doc = paste(createHeadlessMinutesEditor(), clipboard({}, 1));
    expect(plainText(doc.root)).toBe(IMAGE_OMITTED);
  });

  it('a rich paste over the end of a flagged passage goes in as its plain text, inside the flag', () => {
    const flagged = (data: ClipboardLike) => {
      const editor = createHeadlessMinutesEditor();
      editor.update(
        () => {
          const inner = $createTextNode('Acme will close its Lyon plant');
          $getRoot().clear().append($createParagraphNode().append($createTextNode('Reported: '), $createFlagNode(['f1']).append(inner), $createTextNode('.')));
          inner.select('Acme will close its '.length, inner.getTextContentSize()); // "Lyon plant"
          $insertCleanedDataTransfer(editor, data, $getSelection()!);
        },
        { discrete: true },
      );
      const doc = serializeEditor(editor);
      const inFlag: string[] = [];
      walkSection(doc, 'doc', (_shape, atoms) => atoms.forEach((a) => a.flagIds && inFlag.push(a.text)));
      return { text: plainText(doc.root), flagged: inFlag.join('') };
    };
    const html = '<p><b>Lyon</b> and <i>Turin</i> plants</p>';
    expect(flagged(clipboard({ 'text/html': html, 'text/plain': 'Lyon and Turin plants' }))).toEqual({ text: 'Reported: Acme will close its Lyon and Turin plants.', flagged: 'Acme will close its Lyon and Turin plants' });
    const json = JSON.stringify({ namespace: 'tfs-minutes', nodes: [{ type: 'text', version: 1, text: 'Lyon and Turin plants', format: 1, style: '', mode: 'normal', detail: 0 }] });
    expect(flagged(clipboard({ 'application/x-lexical-editor': json, 'text/plain': 'Lyon and Turin plants' })).flagged).toBe('Acme will close its Lyon and Turin plants');
  });

  it('our own Lexical JSON keeps flags; a copied decision whose record is already here becomes a paragraph', () => {
    const editor = createHeadlessMinutesEditor();
    editor.update(() => $getRoot().clear().append($createDecisionNode('r1').append($createTextNode('Agreed')), $createParagraphNode()), { discrete: true });
    const payload = {
      namespace: 'tfs-minutes',
      nodes: [
        { type: 'decision', version: 1, recordId: 'r1', children: [{ type: 'text', version: 1, text: 'Agreed', format: 0, style: '', mode: 'normal', detail: 0 }] },
        { type: 'decision', version: 1, recordId: 'r2', children: [{ type: 'text', version: 1, text: 'Moved', format: 0, style: '', mode: 'normal', detail: 0 }] },
        {
          type: 'paragraph',
          version: 1,
          children: [{ type: 'flag', version: 1, ids: ['f1'], children: [{ type: 'text', version: 1, text: 'secret', format: 0, style: 'color:red', mode: 'normal', detail: 0 }] }],
        },
      ],
    };
    const doc = paste(editor, clipboard({ 'application/x-lexical-editor': JSON.stringify(payload), 'text/html': '<p>fallback</p>' }));
    checkAllowed(doc);
    const records: string[] = [];
    walk(doc.root, (n) => (n.type === 'decision' ? records.push(String(n.recordId)) : undefined));
    expect(records).toEqual(['r1', 'r2']);
    expect(JSON.stringify(doc)).toContain('"ids":["f1"]');
    expect(JSON.stringify(doc)).not.toContain('color:red');
    expect(plainText(doc.root)).not.toContain('fallback');
  });

  it('a flag pasted from elsewhere (another meeting) becomes a flag of its own here, under a new id; this meeting’s flags keep theirs', () => {
    const t = (text: string) => ({ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 });
    const payload = {
      namespace: 'tfs-minutes',
      nodes: [
        { type: 'paragraph', version: 1, children: [{ type: 'flag', version: 1, ids: ['f1'], children: [t('ours')] }, t(' and '), { type: 'flag', version: 1, ids: ['a9'], children: [t('theirs')] }] },
        // One flag of the other meeting over two paragraphs, and one mark carrying both: one new id for a9, everywhere.
        { type: 'paragraph', version: 1, children: [{ type: 'flag', version: 1, ids: ['a9', 'f1'], children: [t('both')] }, { type: 'flag', version: 1, ids: ['b7'], children: [t('other')] }] },
      ],
    };
    let n = 0;
    const flags = { owns: (id: string) => id === 'f1', newId: () => `new-${n++}` };
    const ids = (doc: SerializedDoc) => {
      const out: string[][] = [];
      walk(doc.root, (x) => (x.type === 'flag' ? out.push(x.ids as string[]) : undefined));
      return out;
    };
    const pasteWith = (data: ClipboardLike) => {
      const editor = createHeadlessMinutesEditor();
      editor.update(() => $insertCleanedDataTransfer(editor, data, $getRoot().getLastChildOrThrow<ElementNode>().selectEnd(), flags), { discrete: true });
      return serializeEditor(editor);
    };
    const fromJson = pasteWith(clipboard({ 'application/x-lexical-editor': JSON.stringify(payload) }));
    checkAllowed(fromJson);
    expect(ids(fromJson)).toEqual([['f1'], ['new-0'], ['new-0', 'f1'], ['new-1']]);
    expect(plainText(fromJson.root)).toContain('ours and theirs');
    // The same through HTML (a copy that went through another program keeps data-flag-ids): a new id per paste.
    const fromHtml = pasteWith(clipboard({ 'text/html': '<p><mark data-flag-ids="f1">ours</mark> <mark data-flag-ids="a9">theirs</mark></p>' }));
    expect(ids(fromHtml)).toEqual([['f1'], ['new-2']]);
    // Without the meeting's flags (a test, a headless editor): ids are kept as they are.
    const editor = createHeadlessMinutesEditor();
    editor.update(() => $insertCleanedDataTransfer(editor, clipboard({ 'application/x-lexical-editor': JSON.stringify(payload) }), $getRoot().getLastChildOrThrow<ElementNode>().selectEnd()), {
      discrete: true,
    });
    expect(ids(serializeEditor(editor))).toEqual([['f1'], ['a9'], ['a9', 'f1'], ['b7']]);
  });

  it('Lexical JSON from another app, or with a node type outside the allowlist, falls back to HTML', () => {
    const foreign = { namespace: 'other', nodes: [{ type: 'paragraph', version: 1, children: [] }] };
    let doc = paste(createHeadlessMinutesEditor(), clipboard({ 'application/x-lexical-editor': JSON.stringify(foreign), 'text/html': '<p>from html</p>' }));
    expect(plainText(doc.root)).toContain('from html');
    const bad = { namespace: 'tfs-minutes', nodes: [{ type: 'image', version: 1, src: 'x' }] };
    doc = paste(createHeadlessMinutesEditor(), clipboard({ 'application/x-lexical-editor': JSON.stringify(bad), 'text/html': '<p>html again</p>' }));
    expect(plainText(doc.root)).toContain('html again');
  });
});
