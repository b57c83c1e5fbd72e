import { describe, expect, it } from 'vitest';
import { CALL_NAME_LIST, isListedCallName } from '../../shared/contract/call-names';
import { CALL_NAMES, contract } from '../../shared/contract/index';

/**
 * The preload checks call names against a plain list (shared/contract/call-names.ts) so that it need not carry zod.
 * That list must be exactly the contract's calls: a call missing from it could not be made from the desktop window,
 * a name in it that the contract lacks would cross the boundary for nothing (the dispatcher would still refuse it).
 */
describe('the plain list of call names', () => {
  it('equals the contract keys, each once', () => {
    expect([...CALL_NAME_LIST].sort()).toEqual([...CALL_NAMES].sort());
    expect(new Set(CALL_NAME_LIST).size).toBe(CALL_NAME_LIST.length);
  });

  it('accepts every contract call and nothing else, prototype keys included', () => {
    for (const name of Object.keys(contract)) expect(isListedCallName(name)).toBe(true);
    for (const bad of ['no.such.call', '', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'app.info ', 42, null, undefined, {}]) {
      expect(isListedCallName(bad)).toBe(false);
    }
  });
});
