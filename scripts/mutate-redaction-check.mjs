// Manual mutation pass over the redaction check (electron/backend/export/redaction-check.ts, match-text.ts):
//
//   node scripts/mutate-redaction-check.mjs [--only=ID]
//
// Each mutant is one small edit (the survivors an audit found, and the thresholds, loop bounds and modes around
// them). For each: apply it, run the two test files, expect at least one failure, restore the file. StrykerJS
// over the same two files makes 1,181 mutants, hours on two shared cores; this list is the part that matters.
// Results go to stdout; docs/mutation.md keeps the last run. Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MT = 'electron/backend/export/match-text.ts';
const RC = 'electron/backend/export/redaction-check.ts';

/** [id, file, what, from, to]: `from` must occur exactly once in the file. */
const MUTANTS = [
  ['M1', MT, 'no 8-word window search (mode removed)', 'WHOLE, WHOLE_WITHOUT_SPACES, WORD_WINDOWS, CHAR_WINDOWS]', 'WHOLE, WHOLE_WITHOUT_SPACES, CHAR_WINDOWS]'],
  ['M2', MT, 'no space-free whole-passage match (mode removed)', 'WHOLE, WHOLE_WITHOUT_SPACES, WORD_WINDOWS, CHAR_WINDOWS]', 'WHOLE, WORD_WINDOWS, CHAR_WINDOWS]'],
  ['M3', MT, 'no 40-character window search (mode removed)', 'WHOLE, WHOLE_WITHOUT_SPACES, WORD_WINDOWS, CHAR_WINDOWS]', 'WHOLE, WHOLE_WITHOUT_SPACES, WORD_WINDOWS]'],
  ['M4', MT, 'no whole-passage search (mode removed)', 'WHOLE, WHOLE_WITHOUT_SPACES, WORD_WINDOWS, CHAR_WINDOWS]', 'WHOLE_WITHOUT_SPACES, WORD_WINDOWS, CHAR_WINDOWS]'],
  ['M5', MT, 'word-window threshold: 8-word passages windowed too', 'if (p.words.length <= WINDOW_WORDS) continue;', 'if (p.words.length < WINDOW_WORDS) continue;'],
  ['M6', MT, 'word-window threshold: 9-word passages not windowed', 'if (p.words.length <= WINDOW_WORDS) continue;', 'if (p.words.length <= WINDOW_WORDS + 1) continue;'],
  ['M7', MT, 'word-window threshold removed', 'if (p.words.length <= WINDOW_WORDS) continue;', ''],
  ['M8', MT, 'window loop bound: last window of a passage missed', 'for (let i = len; i < codes.length; i++) {', 'for (let i = len; i < codes.length - 1; i++) {'],
  ['M9', MT, 'window loop: first window of a passage missed', '  fn(0, h);\n', '\n'],
  ['M10', MT, 'text loop bound: last window of the text missed', 'if (i >= codes.length) break;', 'if (i >= codes.length - 1) break;'],
  ['M11', MT, 'a word found in no passage coded like the first passage word (more hash candidates, all verified)', "const codes = words.map((w) => ids.get(w) ?? 0);", "const codes = words.map((w) => ids.get(w) ?? 1);"],
  ['M12', MT, 'word window verified by hash only', 'for (const k of keys) if (k === key) add(', 'for (const k of keys) if (k === k) add('],
  ['M13', MT, 'space-free threshold 12 → 13', 'export const MIN_COMPACT = 12;', 'export const MIN_COMPACT = 13;'],
  ['M14', MT, 'space-free threshold > instead of >=', 'if (p.compact.length >= MIN_COMPACT) index.add', 'if (p.compact.length > MIN_COMPACT) index.add'],
  ['M15', MT, 'char windows also for a passage of exactly 40', 'if (p.compact.length <= WINDOW_CHARS) continue;', 'if (p.compact.length < WINDOW_CHARS) continue;'],
  ['M16', MT, 'char window verified by hash only', 'if (text.compact.startsWith(w.key, at)) add(', 'if (true) add('],
  ['M17', MT, 'whole passage verified by its first 8 characters only', 'if (text.norm.startsWith(p.norm, at)) add(', 'if (true) add('],
  ['M18', MT, 'short threshold: 8-character passages as whole words only', '.filter((p) => p.norm.length < SHORT_PASSAGE)', '.filter((p) => p.norm.length <= SHORT_PASSAGE)'],
  ['M19', MT, 'short passages found inside words (no word boundary)', '`(?<![\\\\p{L}\\\\p{N}])${escapeRe(p.norm)}(?![\\\\p{L}\\\\p{N}])`', '`${escapeRe(p.norm)}`'],
  ['M20', MT, 'minimum passage 4 → 5', 'export const MIN_PASSAGE = 4;', 'export const MIN_PASSAGE = 5;'],
  ['M21', MT, 'minimum passage < → <=', 'if (norm.length < MIN_PASSAGE) continue;', 'if (norm.length <= MIN_PASSAGE) continue;'],
  ['M22', MT, 'window size 8 → 7 words', 'export const WINDOW_WORDS = 8;', 'export const WINDOW_WORDS = 7;'],
  ['M23', MT, 'window size 40 → 41 characters', 'export const WINDOW_CHARS = 40;', 'export const WINDOW_CHARS = 41;'],
  ['N1', MT, 'look-alikes not mapped in their own case (before case folding)', "const cased = s.normalize('NFKD').replace(INVISIBLE_OR_MARK, '').replace(NON_ASCII, map);", "const cased = s.normalize('NFKD').replace(INVISIBLE_OR_MARK, '');"],
  ['N2', MT, 'look-alikes not mapped after case folding', "return lowerPlain(cased).replace(NON_ASCII, map).replace(SEPARATORS, ' ').trim();", "return lowerPlain(cased).replace(SEPARATORS, ' ').trim();"],
  ['N3', MT, 'combining marks kept', 'const INVISIBLE_OR_MARK = /[\\p{Cf}\\p{M}\\u115F\\u1160\\u3164\\uFFA0]/gu;', 'const INVISIBLE_OR_MARK = /[\\p{Cf}\\u115F\\u1160\\u3164\\uFFA0]/gu;'],
  ['N4', MT, 'punctuation and symbols not read as spaces', 'const SEPARATORS = /[^\\p{L}\\p{N}\\p{Sc}]+/gu;', 'const SEPARATORS = /\\s+/gu;'],
  ['N5', MT, 'currency signs read as spaces', 'const SEPARATORS = /[^\\p{L}\\p{N}\\p{Sc}]+/gu;', 'const SEPARATORS = /[^\\p{L}\\p{N}]+/gu;'],
  ['N6', MT, 'an upper-case look-alike of "l" not read as I', "upper && proto === 'l' ? 'I' : proto", 'proto'],
  ['N7', MT, 'ASCII fast path without case folding', "if (!HAS_NON_ASCII.test(s)) return s.toLowerCase().replace(SEPARATORS, ' ').trim();", "if (!HAS_NON_ASCII.test(s)) return s.replace(SEPARATORS, ' ').trim();"],
  ['N8', MT, 'table not closed (prototypes not mapped again)', 'for (let round = 0; round < 8; round++) {', 'for (let round = 0; round < 0; round++) {'],
  ['N9', MT, 'invisible characters kept', 'const INVISIBLE_OR_MARK = /[\\p{Cf}\\p{M}\\u115F\\u1160\\u3164\\uFFA0]/gu;', 'const INVISIBLE_OR_MARK = /[\\p{M}\\u115F\\u1160\\u3164\\uFFA0]/gu;'],
  ['R1', RC, 'short passages reported in attributes that are not text', 'if (!seg.shortOk && hit.short) continue;', ''],
  ['R2', RC, 'decoded link targets not searched', "if (decoded !== attr.value) segments.push(", 'if (false) segments.push('],
  ['R3', RC, 'XML comments not searched', "parser.on('comment', (c) => segments.push(", "parser.on('comment', (c) => void ("],
  ['R4', RC, 'text of the part not searched', "segments.push({ part: name, where: 'text of the part', text: normaliseForMatch(pieces.join('')), shortOk: true });", ''],
  ['R5', RC, 'paragraphs not separated (runs of two paragraphs joined without a space)', "const sep = () => {\n    if (!endsWithSpace) append(' ');", "const sep = () => {\n    if (endsWithSpace) append(' ');"],
  ['R6', RC, 'printed-anyway explanation: headings not recognised', "else if (!place && /^Heading\\d$/i.test(style)) {", "else if (!place && /^Heading$/i.test(style)) {"],
  ['R7', RC, 'printed-anyway explanation: organisations not recognised', "} else if (!place && section === 'participation') place = 'organisations';", '}'],
  ['R8', RC, 'printed-anyway explanation: message without what to do', 'change the flag to cover only the confidential words, or rename the agenda item', 'rename the agenda item'],
  ['R9', RC, 'window hits reported as whole passages', "kind: hit.how === 'word_window' || hit.how === 'char_window' ? 'passage_window' : 'passage',", "kind: 'passage',"],
];

const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const results = [];
for (const [id, file, what, from, to] of MUTANTS) {
  if (only && id !== only) continue;
  const abs = path.join(root, file);
  const original = fs.readFileSync(abs, 'utf8');
  const count = original.split(from).length - 1;
  if (count !== 1) {
    results.push({ id, what, status: `NOT APPLIED (${count} matches)` });
    console.log(`${id}: not applied (${count} matches of its text)`);
    continue;
  }
  fs.writeFileSync(abs, original.replace(from, to));
  const t0 = Date.now();
  try {
    const r = spawnSync('npx', ['vitest', 'run', '--project', 'unit', 'test/unit/match-text.test.ts', 'test/unit/redaction-check.test.ts'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, FC_RUNS: '60' },
    });
    const out = (r.stdout + r.stderr).replace(/\x1b\[[0-9;]*m/g, '');
    const failed = [...out.matchAll(/^\s*[×✗] (.+?)(?: \d+ms)?$/gm)].map((m) => m[1]);
    const status = r.status === 0 ? 'SURVIVED' : failed.length ? 'killed' : 'killed (error)';
    results.push({ id, what, status, by: failed.slice(0, 3), seconds: Math.round((Date.now() - t0) / 1000) });
    console.log(`${id} ${status} — ${what}${failed.length ? `\n    by: ${failed.slice(0, 3).join(' | ')}` : ''}`);
  } finally {
    fs.writeFileSync(abs, original);
  }
}
const killed = results.filter((r) => r.status.startsWith('killed')).length;
const applied = results.filter((r) => !r.status.startsWith('NOT')).length;
console.log(`\n${killed}/${applied} mutants killed (${applied ? Math.round((100 * killed) / applied) : 0} %)`);
