import { runSigkillCampaign } from '../durability/sigkill-campaign';
import type { PartOptions, PartResult } from './report';

/** Durability at scale: the SIGKILL campaign of test/durability, run longer than the test runs it. */
export async function runDurability(opts: PartOptions): Promise<PartResult> {
  const started = Date.now();
  const kills = opts.quick ? 100 : 1000;
  const r = await runSigkillCampaign({ kills, root: opts.root, log: (l) => opts.log(`durability: ${l}`) });
  const rows: Array<Array<string | number>> = [
    ['kills (SIGKILL of the saving process)', r.kills],
    ['acknowledged saves', r.ackedSaves],
    ['lost acknowledged saves', r.lostAckedSaves],
    ['integrity_check failures', r.integrityFailures],
    ['child errors', r.childErrors.length],
    ['time', `${(r.ms / 1000).toFixed(1)} s`],
    ['acknowledged saves per second (rough)', r.acksPerSecond],
    ['median reopen + first save after a kill', `${r.medianFirstAckMs} ms`],
  ];
  return {
    name: 'durability',
    title: 'Durability at scale (SIGKILL campaign)',
    method:
      `runSigkillCampaign({ kills: ${kills} }) from test/durability/sigkill-campaign.ts: a child saves 4 sections in a loop through the backend ` +
      'and prints an ACK after each acknowledged save; it is SIGKILLed 0–60 ms after its first ACK; the file is then checked (integrity_check, ' +
      'every section at least at its last acknowledged counter and rev). A process crash, not power loss.',
    tables: [{ headers: ['measure', 'value'], rows }],
    targets: [
      { name: 'no lost acknowledged save', met: r.lostAckedSaves === 0, detail: `${r.lostAckedSaves} lost of ${r.ackedSaves} acknowledged` },
      { name: 'no integrity failure', met: r.integrityFailures === 0, detail: `${r.integrityFailures} failures in ${r.kills} kills` },
      { name: `all ${kills} kills happened, no child error`, met: r.kills === kills && r.childErrors.length === 0, detail: r.childErrors.slice(0, 3).join(' | ') || 'none' },
    ],
    notes: r.lost.slice(0, 5).map((l) => `lost: kill ${l.kill} section ${l.sectionKey} acked ${l.ackedCounter}/rev ${l.ackedRev}, stored ${l.storedCounter}/rev ${l.storedRev}`),
    data: { ...r, lost: r.lost.slice(0, 20) },
    seconds: (Date.now() - started) / 1000,
  };
}
