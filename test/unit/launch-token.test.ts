import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newRandomKey } from '../../electron/backend/db/key';
import { newLaunchToken, tokenMatches } from '../../electron/hosts/launch-token';

describe('launch token', () => {
  it('is 24 random bytes as base64url, a new one each launch', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newLaunchToken()));
    expect(tokens.size).toBe(200);
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('takes the bytes from the random device when it gives them, and from node:crypto when it does not', () => {
    const device = (n: number) => Buffer.alloc(n, 7);
    if (process.platform !== 'win32') expect(newLaunchToken(device)).toBe(Buffer.alloc(24, 7).toString('base64url'));
    const fallback = new Set([newLaunchToken(() => null), newLaunchToken(() => null)]);
    expect(fallback.size).toBe(2);
    for (const t of fallback) expect(t).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it("a new key file's key: 32 bytes from the same source, the device or else node:crypto", () => {
    const device = (n: number) => Buffer.alloc(n, 9);
    if (process.platform !== 'win32') expect(newRandomKey('k', device).bytes).toEqual(Buffer.alloc(32, 9));
    const a = newRandomKey('k', () => null).bytes;
    const b = newRandomKey('k').bytes;
    expect([a.length, b.length]).toEqual([32, 32]);
    expect(a.equals(b)).toBe(false);
    expect(a.equals(Buffer.alloc(32))).toBe(false);
  });
});

describe('tokenMatches', () => {
  const token = fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/);

  it('accepts exactly `Bearer <token>`', () => {
    fc.assert(
      fc.property(token, (t) => {
        expect(tokenMatches(`Bearer ${t}`, t)).toBe(true);
        expect(tokenMatches(t, t)).toBe(false);
        expect(tokenMatches(`Bearer  ${t}`, t)).toBe(false);
        expect(tokenMatches(`bearer ${t}`, t)).toBe(false);
        expect(tokenMatches(`Bearer ${t} `, t)).toBe(false);
        expect(tokenMatches(undefined, t)).toBe(false);
      }),
    );
  });

  it('refuses any other token: one character changed anywhere, shorter, longer', () => {
    fc.assert(
      fc.property(token, fc.nat(), fc.constantFrom(...'aZ9_-'), (t, at, ch) => {
        const i = at % t.length;
        const changed = t.slice(0, i) + (t[i] === ch ? (ch === 'a' ? 'b' : 'a') : ch) + t.slice(i + 1);
        expect(tokenMatches(`Bearer ${changed}`, t)).toBe(false);
        expect(tokenMatches(`Bearer ${t.slice(0, -1)}`, t)).toBe(false);
        expect(tokenMatches(`Bearer ${t}x`, t)).toBe(false);
      }),
    );
  });
});
