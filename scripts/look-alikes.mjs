// Writes shared/text/look-alikes-data.ts: the look-alike table the redaction check and the flag states read text with,
// made from the `unhomoglyph` package's data by the rules of shared/text/look-alikes-build.ts. Run it after updating
// that package or those rules; test/unit/look-alikes.test.ts fails until then.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = await build({
  entryPoints: [path.join(root, 'shared/text/look-alikes-build.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  write: false,
  logLevel: 'warning',
});
const url = `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`;
const { buildLookAlikeTable, lookAlikesDataSource } = await import(url);
const table = buildLookAlikeTable();
const file = path.join(root, 'shared/text/look-alikes-data.ts');
fs.writeFileSync(file, lookAlikesDataSource(table));
console.log(`look-alikes: ${table.size} letters → ${path.relative(root, file)} (${fs.statSync(file).size} bytes)`);
