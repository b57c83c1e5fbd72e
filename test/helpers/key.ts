import fs from 'node:fs';
import type { DataKey } from '../../electron/backend/db/key';
import { keyFileText } from '../../electron/backend/db/key';

/**
 * The tests' data key: every helper that starts a backend or a host encrypts with it, so every test runs on the
 * encrypted format the app ships. Fixed bytes (tests only): a test can open the raw file itself with the same key.
 */
export const TEST_KEY_BYTES = Buffer.from('5ec2e7f00d5ec2e7f00d5ec2e7f00d5ec2e7f00d5ec2e7f00d5ec2e7f00d5ec2', 'hex');
export const TEST_KEY: DataKey = { kind: 'key', bytes: TEST_KEY_BYTES, source: 'the test key file' };

/** The key file a host started by a test uses: beside the data folder (not in it), written once, 0600. */
export function testKeyFile(dataDir: string): string {
  const file = `${dataDir.replace(/[\\/]+$/, '')}.key`;
  if (!fs.existsSync(file)) fs.writeFileSync(file, keyFileText(TEST_KEY_BYTES), { mode: 0o600 });
  return file;
}
