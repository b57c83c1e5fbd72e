import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

/**
 * Validates DOCX packages against the ISO/IEC 29500-4:2016 transitional schemas (and ECMA-376's OPC schemas for the
 * package parts) with xmllint. The schemas are in test/fixtures/ooxml-schemas/ (copied from the team's shared set:
 * no package ships them), so a fresh clone validates on its own. As ISO/IEC 29500-3 (markup compatibility) asks,
 * the attributes and elements of the namespaces a part declares ignorable (mc:Ignorable, e.g. w14, w15) are removed
 * before validating it, as is mc:Ignorable itself.
 *
 * docProps/core.xml is only checked for well-formedness: its schema imports Dublin Core's from the web.
 */
export const SCHEMA_DIR = path.resolve(__dirname, '../fixtures/ooxml-schemas');
const ISO = path.join(SCHEMA_DIR, 'ISO-IEC29500-4_2016');
const OPC = path.join(SCHEMA_DIR, 'ecma/fourth-edition');
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

export function hasXmllint(): boolean {
  return spawnSync('xmllint', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** The schema a part is validated against, or null for parts checked for well-formedness only. */
export function schemaFor(part: string): string | null {
  if (part === '[Content_Types].xml') return path.join(OPC, 'opc-contentTypes.xsd');
  if (part.endsWith('.rels')) return path.join(OPC, 'opc-relationships.xsd');
  if (part === 'docProps/app.xml') return path.join(ISO, 'shared-documentPropertiesExtended.xsd');
  if (/^word\/theme\/[^/]+\.xml$/.test(part)) return path.join(ISO, 'dml-main.xsd');
  if (/^word\/[^/]+\.xml$/.test(part)) return path.join(ISO, 'wml.xsd');
  return null;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const escText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The part as a consumer that understands none of its ignorable namespaces reads it: their elements (with their
 * content) and attributes removed, mc:Ignorable removed, mc:AlternateContent replaced by its mc:Fallback.
 */
export function stripIgnorable(xml: string): string {
  const parser = new SaxesParser({ xmlns: true, position: false });
  let out = '';
  let ignorable: Set<string> | null = null;
  let skipDepth = 0;
  const stack: Array<{ skip: boolean; open: boolean }> = [];
  let inAlternate = 0;
  let inFallback = 0;
  parser.on('xmldecl', (d) => {
    out += `<?xml version="${d.version ?? '1.0'}" encoding="UTF-8"${d.standalone ? ` standalone="${d.standalone}"` : ''}?>`;
  });
  parser.on('opentag', (tag) => {
    if (ignorable === null) {
      const decl = tag.attributes['mc:Ignorable'];
      const prefixes = typeof decl === 'object' ? decl.value.split(/\s+/).filter(Boolean) : [];
      ignorable = new Set(prefixes.map((p) => tag.ns[p] ?? '').filter(Boolean));
    }
    const uri = tag.uri ?? '';
    let skip = skipDepth > 0 || ignorable.has(uri);
    // Markup compatibility: keep what is inside mc:Fallback; drop mc:Choice.
    if (!skip && uri === MC) {
      if (tag.local === 'AlternateContent') inAlternate += 1;
      else if (tag.local === 'Fallback') inFallback += 1;
      else skip = true;
      stack.push({ skip, open: false });
      if (skip) skipDepth += 1;
      return;
    }
    if (skip) {
      skipDepth += 1;
      stack.push({ skip: true, open: false });
      return;
    }
    if (inAlternate > inFallback) {
      // inside AlternateContent but not in its Fallback (nothing else may be there): drop
      skipDepth += 1;
      stack.push({ skip: true, open: false });
      return;
    }
    let s = `<${tag.name}`;
    for (const a of Object.values(tag.attributes)) {
      if (typeof a !== 'object') continue;
      if (a.uri === MC && a.local === 'Ignorable') continue;
      if (a.prefix !== 'xmlns' && a.name !== 'xmlns' && a.uri && ignorable.has(a.uri)) continue;
      s += ` ${a.name}="${esc(a.value)}"`;
    }
    out += `${s}>`;
    stack.push({ skip: false, open: true });
  });
  parser.on('text', (t) => {
    if (skipDepth === 0 && !(inAlternate > inFallback)) out += escText(t);
  });
  parser.on('closetag', (tag) => {
    const top = stack.pop();
    if (!top) return;
    if (top.skip) {
      skipDepth -= 1;
      return;
    }
    if ((tag.uri ?? '') === MC && !top.open) {
      if (tag.local === 'AlternateContent') inAlternate -= 1;
      else if (tag.local === 'Fallback') inFallback -= 1;
      return;
    }
    out += `</${tag.name}>`;
  });
  parser.write(xml).close();
  return out;
}

export interface ValidationResult {
  /** Parts validated against a schema. */
  validated: string[];
  /** xmllint's complaints, "part: message". Empty when every part is valid. */
  errors: string[];
}

/**
 * Validates every XML part of each package; one xmllint run per schema for all packages together. `docs` maps a name
 * (used in the error messages) to the DOCX bytes.
 */
export function validateDocx(docs: Record<string, Uint8Array>): Record<string, ValidationResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tfs-ooxml-'));
  const results: Record<string, ValidationResult> = {};
  const bySchema = new Map<string, Array<{ file: string; doc: string; part: string }>>();
  const byFile = new Map<string, { doc: string; part: string }>();
  try {
    let n = 0;
    for (const [doc, bytes] of Object.entries(docs)) {
      results[doc] = { validated: [], errors: [] };
      const parts = unzipSync(bytes);
      for (const [part, data] of Object.entries(parts)) {
        if (!/\.(xml|rels)$/.test(part)) continue;
        const text = strFromU8(data);
        let stripped: string;
        try {
          stripped = stripIgnorable(text);
        } catch (e) {
          results[doc].errors.push(`${part}: not well-formed: ${(e as Error).message}`);
          continue;
        }
        const schema = schemaFor(part);
        if (!schema) continue;
        const file = path.join(dir, `${++n}.xml`);
        fs.writeFileSync(file, stripped);
        bySchema.set(schema, [...(bySchema.get(schema) ?? []), { file, doc, part }]);
        byFile.set(file, { doc, part });
        results[doc].validated.push(part);
      }
    }
    for (const [schema, files] of bySchema) {
      const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, ...files.map((f) => f.file)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (r.error) throw r.error;
      for (const line of (r.stderr ?? '').split('\n')) {
        const m = /^(\/[^:]+\.xml):(\d+)?:?\s*(.*)$/.exec(line);
        if (!m) continue;
        const where = byFile.get(m[1]!);
        if (!where) continue;
        if (/validates$/.test(line)) continue;
        results[where.doc]!.errors.push(`${where.part}: ${m[3]}`);
      }
      for (const line of (r.stderr ?? '').split('\n')) {
        const m = /^(\/\S+\.xml) fails to validate$/.exec(line);
        const where = m && byFile.get(m[1]!);
        if (where && !results[where.doc]!.errors.some((e) => e.startsWith(`${where.part}:`))) results[where.doc]!.errors.push(`${where.part}: fails to validate`);
      }
      if (r.status !== 0 && r.status !== 3 && !files.some((f) => results[f.doc]!.errors.length)) {
        // 3: some file did not validate (reported above); anything else (schema unreadable, xmllint broken) fails all.
        for (const f of files) results[f.doc]!.errors.push(`${f.part}: xmllint exited ${r.status}: ${(r.stderr ?? '').slice(0, 300)}`);
      }
    }
    return results;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

