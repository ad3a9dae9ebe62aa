import { describe, expect, it } from 'vitest';
import { classCounts } from './batches.ts';
import { buildTransferSet } from './transferSet.ts';

const labels = Uint8Array.from({ length: 1000 }, (_, i) => i % 10);
const train = { count: 1000, labels, images: new Uint8Array(0) };

describe('the transfer set', () => {
  it('keeps every example when all digits and the whole set are allowed', () => {
    const set = buildTransferSet(train, {
      digits: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      fraction: 1,
      seed: 1,
    });
    expect(set.length).toBe(1000);
    expect(set[0]).toBe(0);
    expect(set[999]).toBe(999);
  });

  it('leaves out the omitted digits entirely', () => {
    const set = buildTransferSet(train, {
      digits: [0, 1, 2, 4, 5, 6, 7, 8, 9],
      fraction: 1,
      seed: 1,
    });
    const counts = classCounts(Array.from(set, (i) => labels[i]));
    expect(counts[3]).toBe(0);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(900);
  });

  it('takes a seeded fraction: the same seed gives the same subset, another seed another one', () => {
    const a = buildTransferSet(train, { digits: [7, 8], fraction: 0.3, seed: 4 });
    const b = buildTransferSet(train, { digits: [7, 8], fraction: 0.3, seed: 4 });
    const c = buildTransferSet(train, { digits: [7, 8], fraction: 0.3, seed: 5 });
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
    // 300 examples drawn, about a fifth of them 7s or 8s.
    expect(a.length).toBeGreaterThan(30);
    expect(a.length).toBeLessThan(90);
    expect(Array.from(a).every((i) => labels[i] === 7 || labels[i] === 8)).toBe(true);
  });
});
