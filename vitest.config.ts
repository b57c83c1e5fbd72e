import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (domain, contract, database, export; no browser) and `e2e` (the built renderer in Debian's
 * Chromium against the browser host; needs `npm run build` first, which `npm test` does). e2e runs after unit.
 */
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the machine's cores: one worker on the 2-core CI machine, where the
    // unit project then took 781 s of a 1672 s `npm test`, near CI's 30 minutes. Two workers there: the same files in
    // 320 s on this machine (each file still runs in its own process; the e2e project stays one file at a time).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // After the unit project, not beside it: the durability test's fsync storm (SIGKILLs during continuous
          // synchronous=FULL saves) would otherwise stall the browser host's commits on a 2-core machine.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
