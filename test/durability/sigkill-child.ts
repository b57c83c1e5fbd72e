/**
 * Child process of the SIGKILL durability campaign (bundled by sigkill-campaign.ts; never imported by the app).
 *
 * argv: <dataDir> <meetingId> <mode> <sectionKey>...
 * Opens a Backend on dataDir and saves the sections round-robin through the dispatcher, forever, each save's content
 * carrying an increasing counter. After a save is acknowledged (dispatch resolved ok) it prints
 * "ACK <sectionKey> <rev> <counter>". stdout to a pipe is synchronous on Linux, so a printed ACK reaches the parent
 * even if the process is killed right after.
 *
 * The process is started ahead of time (Node's start-up is most of a restart's cost) and opens the data file only
 * when the parent writes "GO <firstCounter>" to its stdin, i.e. after its predecessor was killed and checked.
 *
 * mode 'honest' is the app's contract. mode 'write-behind' acknowledges first and saves 20 ms later: a deliberately
 * broken client the campaign must catch (it proves the checker can fail).
 */
import { TEST_KEY } from '../helpers/key';
import { Backend } from '../../electron/backend/backend';
import type { SerializedDoc } from '../../shared/editor/doc-model';

const [dataDir, meetingId, mode, ...keys] = process.argv.slice(2);
if (!dataDir || !meetingId || !mode || keys.length === 0) {
  process.stderr.write('usage: sigkill-child <dataDir> <meetingId> <honest|write-behind> <sectionKey>... (then "GO <firstCounter>" on stdin)\n');
  process.exit(2);
}

const FILLER = 'The Taskforce discussed the draft reporting template at length; members asked for clarifications. ';

/** A few kilobytes of minutes, like a section in the middle of a meeting; the counter is in the first paragraph. */
function content(counter: number, key: string): SerializedDoc {
  const paragraph = (text: string) => ({
    type: 'paragraph',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    children: [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }],
  });
  const body = Array.from({ length: 4 + (counter % 8) }, (_, i) => paragraph(`${i + 1}. ${FILLER.repeat(3)}`));
  return { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [paragraph(`counter=${counter} section=${key}`), ...body] } };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves with the first counter once the parent says go. */
function whenGo(): Promise<number> {
  return new Promise((resolve) => {
    let buf = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => {
      buf += chunk;
      const m = /^GO (\d+)\n/.exec(buf);
      if (m) resolve(Number(m[1]));
    });
  });
}

async function main() {
  let counter = await whenGo();
  const backend = new Backend({ dataDir: dataDir!, host: 'browser', key: TEST_KEY, log: { error: (m, e) => process.stderr.write(`${m}: ${String(e)}\n`) } });
  for (;;) {
    for (const sectionKey of keys) {
      counter += 1;
      const input = { meetingId, sectionKey, content: content(counter, sectionKey) };
      if (mode === 'write-behind') {
        process.stdout.write(`ACK ${sectionKey} 0 ${counter}\n`);
        await sleep(20);
        await backend.dispatch('minutes.saveSection', input);
        continue;
      }
      const r = await backend.dispatch('minutes.saveSection', input);
      if (!r.ok) {
        process.stderr.write(`save failed: ${r.error.code}: ${r.error.message}\n`);
        process.exit(3);
      }
      const { rev } = r.value as { rev: number };
      process.stdout.write(`ACK ${sectionKey} ${rev} ${counter}\n`);
    }
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`child crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(4);
});
