// Writes shared/text/look-alikes-data.ts: the look-alike table the redaction check and the flag states read text with,
// made from the `unhomoglyph` package's data by the rules of shared/text/look-alikes-build.ts. Run it after updating
// that package or those rules; test/unit/look-alikes.test.ts fails until then.
// Where UnicodeData.txt is installed (Debian: `apt-get install unicode-data`; or UNICODE_DATA=<path>), it first
// writes shared/text/look-alikes-marked-latin.ts, the Latin letters with a hook, stroke, curl… read as their base
// letter, from the character names; elsewhere it keeps the committed list as it is.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** look-alikes-build.ts, bundled with the data files as they are now. */
async function loadRules() {
  const out = await build({
    entryPoints: [path.join(root, 'shared/text/look-alikes-build.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'warning',
  });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}

const unicodeData = process.env.UNICODE_DATA || '/usr/share/unicode/UnicodeData.txt';
const markedFile = path.join(root, 'shared/text/look-alikes-marked-latin.ts');
if (fs.existsSync(unicodeData)) {
  const { markedLatinFromUnicodeData, markedLatinSource } = await loadRules();
  const letters = markedLatinFromUnicodeData(fs.readFileSync(unicodeData, 'utf8'));
  fs.writeFileSync(markedFile, markedLatinSource(letters));
  console.log(`look-alikes: ${letters.length} Latin letters with a mark (${unicodeData}) → ${path.relative(root, markedFile)}`);
} else {
  console.log(`look-alikes: ${unicodeData} not found; ${path.relative(root, markedFile)} kept as it is`);
}

const { buildLookAlikeTable, lookAlikesDataSource } = await loadRules();
const table = buildLookAlikeTable();
const file = path.join(root, 'shared/text/look-alikes-data.ts');
fs.writeFileSync(file, lookAlikesDataSource(table));
console.log(`look-alikes: ${table.size} letters → ${path.relative(root, file)} (${fs.statSync(file).size} bytes)`);
