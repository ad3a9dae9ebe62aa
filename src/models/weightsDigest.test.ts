import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { sha256Hex } from './weightsDigest.ts';

describe('sha256Hex', () => {
  it('gives the known digest of "abc" (FIPS 180-2 example)', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('agrees with node:crypto on 100 kB of bytes, and changes with one flipped bit', async () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 251);
    expect(await sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    const flipped = bytes.slice();
    flipped[5000] ^= 1;
    expect(await sha256Hex(flipped)).not.toBe(await sha256Hex(bytes));
  });
});
