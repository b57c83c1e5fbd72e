import { describe, expect, it } from 'vitest';
import { runSigkillCampaign } from './sigkill-campaign';

/**
 * Nothing typed may be lost: a save the backend acknowledged survives the process being killed at any moment.
 * KILLS sets the number of kills (default 200). The figures are logged, not asserted on (no timing assertions).
 */
const KILLS = Number(process.env.KILLS ?? 200);

describe('durability under SIGKILL', () => {
  it(`loses no acknowledged save and never corrupts the file across ${KILLS} kills`, { timeout: 15 * 60_000 }, async () => {
    const r = await runSigkillCampaign({ kills: KILLS, log: (l) => console.log(`[sigkill] ${l}`) });
    console.log(
      `[sigkill] kills=${r.kills} ackedSaves=${r.ackedSaves} lostAckedSaves=${r.lostAckedSaves} integrityFailures=${r.integrityFailures} ` +
        `childErrors=${r.childErrors.length} time=${(r.ms / 1000).toFixed(1)}s acksPerSecond≈${r.acksPerSecond} medianFirstAckMs=${r.medianFirstAckMs}`,
    );
    expect(r.childErrors).toEqual([]);
    expect(r.kills).toBe(KILLS);
    expect(r.ackedSaves).toBeGreaterThanOrEqual(KILLS);
    expect(r.lost).toEqual([]);
    expect(r.integrityFailures).toBe(0);
  });

  it('catches a client that acknowledges before saving (the check can fail)', { timeout: 120_000 }, async () => {
    const r = await runSigkillCampaign({ kills: 5, mode: 'write-behind' });
    expect(r.childErrors).toEqual([]);
    expect(r.lostAckedSaves).toBeGreaterThan(0);
  });
});
