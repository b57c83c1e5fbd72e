import { layoutPublicSummary } from '../../shared/redaction/public-summary';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { unzipSync } from 'fflate';
import { buildPublicSummary } from '../../electron/backend/export/build-public-summary';
import { checkPublicDocx } from '../../electron/backend/export/redaction-check';
import type { SerializedDoc, SerializedNode } from '../../shared/editor/doc-model';
import type { PublicDocument, PublicInline } from '../../shared/redaction/public-model';
import { flaggedTexts, publicPlainText, redact, type RedactionInput } from '../../shared/redaction/redact';
import { docOf, flag, paragraph, prng, sentence, text } from './gen';
import { median, ms, type PartOptions, type PartResult } from './report';

const WORDS_PER_PAGE = 400;

/**
 * Public summary export of a ~100-page meeting: redact() + buildPublicSummary() + checkPublicDocx(), exactly the
 * steps of ExportService.create for the public summary (less the database reads and the history row), beside
 * - the floor: level-1 raw deflate of the produced DOCX's own XML parts (the least work any DOCX writer must do);
 * - pandoc converting the same public content, written as Markdown, to DOCX.
 */
export async function runExport(opts: PartOptions): Promise<PartResult> {
  const started = Date.now();
  const reps = opts.quick ? 3 : 7;
  const input = meetingInput(10, 4_000);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tfs-bench-export-'));
  try {
    const redactMs: number[] = [];
    const buildMs: number[] = [];
    const checkMs: number[] = [];
    const totalMs: number[] = [];
    const floorMs: number[] = [];
    let bytes: Uint8Array = new Uint8Array();
    let publicDoc: PublicDocument | null = null;
    let checkOk = true;
    let findings = 0;
    for (let r = 0; r < reps + 1; r++) {
      const t0 = performance.now();
      publicDoc = redact(input);
      const t1 = performance.now();
      bytes = await buildPublicSummary(layoutPublicSummary(publicDoc));
      const t2 = performance.now();
      const passages: Array<{ id: string; text: string }> = [];
      for (const s of input.sections)
        for (const f of flaggedTexts(s.content)) for (const piece of f.text.split('\n')) if (piece.trim()) passages.push({ id: f.ids.join('+'), text: piece });
      const result = checkPublicDocx(bytes, { passages });
      const t3 = performance.now();
      if (!result.ok) {
        checkOk = false;
        findings = result.findings.length;
      }
      const parts = unzipSync(bytes);
      const t4 = performance.now();
      for (const [name, data] of Object.entries(parts)) if (/\.(xml|rels)$/.test(name)) zlib.deflateRawSync(data, { level: 1 });
      const t5 = performance.now();
      if (r === 0) continue; // warm-up (JIT, docx's first use)
      redactMs.push(t1 - t0);
      buildMs.push(t2 - t1);
      checkMs.push(t3 - t2);
      totalMs.push(t3 - t0);
      floorMs.push(t5 - t4);
      opts.log(`export rep ${r}: ours ${ms(t3 - t0)} ms, floor ${ms(t5 - t4)} ms`);
    }
    const words = publicPlainText(publicDoc!).split(/\s+/).filter(Boolean).length;
    const xmlBytes = Object.entries(unzipSync(bytes))
      .filter(([n]) => /\.(xml|rels)$/.test(n))
      .reduce((a, [, d]) => a + d.length, 0);

    // pandoc on the same public content.
    const md = path.join(work, 'summary.md');
    fs.writeFileSync(md, markdownOf(publicDoc!));
    const pandocMs: number[] = [];
    let pandocNote = '';
    const pandocReps = opts.quick ? 1 : 3;
    const which = spawnSync('sh', ['-c', 'command -v pandoc'], { encoding: 'utf8' });
    if (which.status !== 0) pandocNote = 'pandoc is not installed (apt-get install -y pandoc): no pandoc figure.';
    else
      for (let r = 0; r < pandocReps; r++) {
        const t = performance.now();
        const p = spawnSync('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', path.join(work, 'out.docx'), md], { encoding: 'utf8' });
        const took = performance.now() - t;
        if (p.status !== 0) {
          pandocNote = `pandoc failed: ${p.stderr.slice(0, 300)}`;
          break;
        }
        pandocMs.push(took);
        opts.log(`export: pandoc ${ms(took)} ms`);
      }
    const pandocVersion = which.status === 0 ? (spawnSync('pandoc', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0] ?? '') : '';

    const ours = median(totalMs);
    const floor = median(floorMs);
    const pandoc = pandocMs.length ? median(pandocMs) : Number.NaN;
    const rows: Array<Array<string | number>> = [
      ['redact()', ms(median(redactMs)), ms(Math.min(...redactMs)), ''],
      ['buildPublicSummary() (DOCX)', ms(median(buildMs)), ms(Math.min(...buildMs)), ''],
      ['redaction check (flaggedTexts + checkPublicDocx)', ms(median(checkMs)), ms(Math.min(...checkMs)), ''],
      ['ours: redact + build + check', ms(ours), ms(Math.min(...totalMs)), '1×'],
      ['floor: level-1 deflate of the XML parts', ms(floor, 2), ms(Math.min(...floorMs), 2), `ours = ${(ours / floor).toFixed(1)}× floor`],
      ['pandoc -f markdown -t docx', ms(pandoc), pandocMs.length ? ms(Math.min(...pandocMs)) : '–', pandocMs.length ? `pandoc = ${(pandoc / ours).toFixed(1)}× ours` : pandocNote],
    ];
    return {
      name: 'export',
      title: 'Public summary export of a ~100-page meeting',
      method:
        `A generated meeting: 10 items of ~4,000 words (plus one withheld item), flagged passages in every item; ${words.toLocaleString('en')} words reach the ` +
        `public summary (~${Math.round(words / WORDS_PER_PAGE)} pages at ${WORDS_PER_PAGE} words a page; pages were not counted by a renderer). DOCX ${Math.round(bytes.length / 1024)} KiB, ` +
        `its XML parts ${Math.round(xmlBytes / 1024)} KiB. Median (and best) of ${reps} runs after one warm-up, in one Node process; pandoc: ${pandocReps} run(s), process start included. ${pandocVersion}`,
      tables: [{ headers: ['step', 'median ms', 'best ms', 'comparison'], rows }],
      targets: [
        { name: 'redaction check passes on the generated meeting', met: checkOk, detail: checkOk ? 'no finding' : `${findings} findings` },
        { name: 'ours ≤ 5× the floor', met: ours <= 5 * floor, detail: `${ms(ours)} ms vs floor ${ms(floor, 2)} ms = ${(ours / floor).toFixed(1)}×` },
        {
          name: 'ours ≥ 50× faster than pandoc',
          met: pandocMs.length ? pandoc >= 50 * ours : null,
          detail: pandocMs.length ? `pandoc ${ms(pandoc)} ms / ours ${ms(ours)} ms = ${(pandoc / ours).toFixed(1)}×` : pandocNote,
        },
      ],
      notes: [
        `Share of ours: redact ${Math.round((100 * median(redactMs)) / ours)} %, DOCX build ${Math.round((100 * median(buildMs)) / ours)} %, redaction check ${Math.round((100 * median(checkMs)) / ours)} %.`,
        ...(pandocNote ? [pandocNote] : []),
      ],
      data: { words, docxBytes: bytes.length, xmlBytes, redactMs, buildMs, checkMs, totalMs, floorMs, pandocMs, pandocVersion, checkOk },
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** A meeting of `items` agenda items with about `wordsPerItem` words of minutes each, flags throughout, one withheld item. */
export function meetingInput(items: number, wordsPerItem: number): RedactionInput {
  const rand = prng(42);
  let flagNo = 0;
  const agenda: RedactionInput['agenda'][number][] = [];
  const sections: Array<{ key: string; content: SerializedDoc }> = [];
  for (let i = 1; i <= items + 1; i++) {
    const id = `item-${i}`;
    const withheld = i === items + 1;
    agenda.push({ id, number: String(i), title: withheld ? 'Restricted session' : `Agenda item ${i}: ${sentence(rand, 3, 6).slice(0, -1)}`, parentId: null, forPublication: !withheld });
    const blocks: SerializedNode[] = [];
    let words = 0;
    let b = 0;
    while (words < (withheld ? 300 : wordsPerItem)) {
      b++;
      const s1 = sentence(rand);
      const s2 = sentence(rand);
      const s3 = sentence(rand);
      words += (s1 + s2 + s3).split(' ').length;
      if (b % 12 === 0) {
        const li = (t: string) => ({ type: 'listitem', version: 1, direction: 'ltr', format: '', indent: 0, value: 1, children: [text(t)] });
        blocks.push({ type: 'list', version: 1, direction: 'ltr', format: '', indent: 0, listType: 'bullet', start: 1, tag: 'ul', children: [li(s1), li(s2), li(s3)] });
      } else if (b % 7 === 0) {
        // A flagged passage in the middle of a paragraph, with a token found nowhere else.
        flagNo++;
        const secret = `Confidential figure ${flagNo} of provider Q${flagNo}X was ${sentence(rand, 8, 12).toLowerCase()}`;
        blocks.push(paragraph([text(`${s1} `), flag([`flag-${flagNo}`], [text(secret)]), text(` ${s2} ${s3}`)]));
      } else if (b % 29 === 0) {
        flagNo++;
        blocks.push(paragraph([flag([`flag-${flagNo}`], [text(`Whole paragraph withheld ${flagNo}: ${s1} ${s2}`)])]));
      } else blocks.push(paragraph([text(`${s1} ${s2} ${s3}`)]));
    }
    blocks.push({ type: 'decision', version: 1, direction: 'ltr', format: '', indent: 0, recordId: `d-${i}`, children: [text(`The Taskforce agreed on item ${i}.`)] });
    blocks.push({ type: 'action', version: 1, direction: 'ltr', format: '', indent: 0, recordId: `a-${i}`, children: [text(`The secretariat will circulate a revised text for item ${i}.`)] });
    sections.push({ key: id, content: docOf(blocks) });
  }
  sections.push({ key: 'opening', content: docOf([paragraph([text('The chair opened the meeting and welcomed the participants.')])]) });
  return {
    bodyName: 'Signatory Taskforce',
    meeting: { title: 'Fourth plenary of the Signatory Taskforce', startsAt: '2026-03-12T10:00', redactionMarker: '[…]', withheldDisplay: 'title_only' },
    agenda,
    sections,
    organisations: Array.from({ length: 24 }, (_, k) => `Organisation ${k + 1}`),
  };
}

/** The public document as Markdown, for pandoc: the same words, headings, lists, markers. */
export function markdownOf(doc: PublicDocument): string {
  const esc = (s: string) => s.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
  const inl = (xs: readonly PublicInline[]): string =>
    xs
      .map((x) => {
        switch (x.kind) {
          case 'text': {
            let t = esc(x.text);
            if (x.bold) t = `**${t}**`;
            if (x.italic) t = `*${t}*`;
            return t;
          }
          case 'redacted':
            return esc(doc.marker);
          case 'break':
            return '\\\n';
          case 'tab':
            return ' ';
          case 'link':
            return `[${inl(x.children)}](${x.url})`;
        }
      })
      .join('');
  const out: string[] = [`# ${esc(doc.meetingTitle)}`, '', 'Public summary', '', doc.date, '', '## Participation', ''];
  for (const o of doc.organisations) out.push(`- ${esc(o)}`);
  out.push('');
  for (const s of doc.sections) {
    out.push(`## ${s.number ? `${s.number} ` : ''}${esc(s.title)}`, '');
    if (s.withheld) out.push('*Not published.*', '');
    for (const b of s.blocks) {
      switch (b.kind) {
        case 'paragraph':
          out.push('', inl(b.inlines), '');
          break;
        case 'heading':
          out.push('', `${'#'.repeat(Math.min(6, b.level + 2))} ${inl(b.inlines)}`, '');
          break;
        case 'quote':
          out.push('', `> ${inl(b.inlines)}`, '');
          break;
        case 'listItem':
          out.push(`${'  '.repeat(b.depth)}${b.ordered ? '1.' : '-'} ${inl(b.inlines)}`);
          break;
        case 'decision':
          out.push('', `**Decision:** ${inl(b.inlines)}`, '');
          break;
        case 'action':
          out.push('', `**Action:** ${inl(b.inlines)}`, '');
          break;
      }
    }
    out.push('');
  }
  return out.join('\n');
}
