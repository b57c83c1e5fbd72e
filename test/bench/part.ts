import fs from 'node:fs';
import { runAutosave } from './autosave';
import { runDurability } from './durability';
import { runExport } from './export';
import { runSearch } from './search';
import type { PartOptions, PartResult } from './report';
import { runStartup } from './startup';
import { runTyping } from './typing';

/**
 * Entry of one benchmark part, run by scripts/bench.mjs in its own Node process (bundled with esbuild), so a crash or
 * a leak in one part cannot spoil the others:  node part.cjs <name> <result.json> [--quick]
 */
export const PARTS: Record<string, (o: PartOptions) => Promise<PartResult>> = {
  typing: runTyping,
  autosave: runAutosave,
  durability: runDurability,
  export: runExport,
  search: runSearch,
  startup: runStartup,
};

async function main() {
  const [name, out] = process.argv.slice(2);
  const run = name ? PARTS[name] : undefined;
  if (!run || !out) throw new Error(`usage: part.cjs <${Object.keys(PARTS).join('|')}> <result.json> [--quick]`);
  const result = await run({
    quick: process.argv.includes('--quick'),
    root: process.env.TFS_ROOT ?? process.cwd(),
    log: (line) => process.stderr.write(`  · ${line}\n`),
  });
  fs.writeFileSync(out, JSON.stringify(result, null, 2));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
