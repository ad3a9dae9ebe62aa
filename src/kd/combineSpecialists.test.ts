import { describe, expect, it } from 'vitest';
import { combineSpecialistLogits } from './combineSpecialists.ts';
import { softmaxAt } from './softmax.ts';

// Four classes: specialist A knows 0 and 1 (dustbin slot 2), B knows 2 and 3 (dustbin slot 0).
const specialists = [
  { own: [0, 1], none: 2 },
  { own: [2, 3], none: 0 },
];

describe('combining specialists with dustbin classes', () => {
  it('matches the product of experts computed by hand, at T = 1', () => {
    // A's logits over its slots 0, 1, 2 (slot 3 unused): ln 2, 0, 0 → p_A = (2, 1, 1) / 4.
    const a = new Float32Array([Math.log(2), 0, 0, 5]);
    // B's logits over its slots 0 (dustbin), 2, 3 (slot 1 unused): 0, ln 3, 0 → p_B = (1, 3, 1) / 5.
    const b = new Float32Array([0, -7, Math.log(3), 0]);
    const out = new Float32Array(4);
    combineSpecialistLogits([a, b], 1, 4, specialists, 1, out);
    // q(0) ∝ p_A(0)·p_B(none) = 2/4 · 1/5; q(1) ∝ 1/4 · 1/5; q(2) ∝ p_B(2)·p_A(none) = 3/5 · 1/4; q(3) ∝ 1/5 · 1/4.
    const unnormalised = [2 / 20, 1 / 20, 3 / 20, 1 / 20];
    const z = unnormalised.reduce((s, v) => s + v, 0);
    const q = softmaxAt(out, 1);
    unnormalised.forEach((v, c) => expect(q[c]).toBeCloseTo(v / z, 6));
    expect(q[2]).toBeCloseTo(3 / 7, 6);
  });

  it('gives softmax(out/T) = q at any temperature, with each specialist softened at T', () => {
    const a = new Float32Array([1.5, -0.5, 0.25, 9]);
    const b = new Float32Array([-1, 4, 2, 0.5]);
    const T = 4;
    const out = new Float32Array(4);
    combineSpecialistLogits([a, b], 1, 4, specialists, T, out);
    const sm = (z: number[]) => {
      const e = z.map((v) => Math.exp(v / T));
      const s = e.reduce((x, y) => x + y, 0);
      return e.map((v) => v / s);
    };
    const [pa0, pa1, paNone] = sm([1.5, -0.5, 0.25]);
    const [pbNone, pb2, pb3] = sm([-1, 2, 0.5]);
    const raw = [pa0 * pbNone, pa1 * pbNone, pb2 * paNone, pb3 * paNone];
    const z = raw.reduce((x, y) => x + y, 0);
    const q = softmaxAt(out, T);
    raw.forEach((v, c) => expect(q[c]).toBeCloseTo(v / z, 6));
  });

  it('handles several rows and refuses specialists that do not partition the classes', () => {
    const rows = [new Float32Array(8).fill(0), new Float32Array(8).fill(0)];
    const out = new Float32Array(8);
    combineSpecialistLogits(rows, 2, 4, specialists, 1, out);
    // All-zero logits: every p is uniform over 3 slots, so q is uniform over the 4 classes.
    for (const p of [...softmaxAt(out.subarray(0, 4), 1), ...softmaxAt(out.subarray(4), 1)])
      expect(p).toBeCloseTo(0.25, 6);
    expect(() =>
      combineSpecialistLogits(
        rows,
        2,
        4,
        [
          { own: [0, 1], none: 2 },
          { own: [1, 2, 3], none: 0 },
        ],
        1,
        out,
      ),
    ).toThrow(/two specialists/);
    expect(() =>
      combineSpecialistLogits(
        rows,
        2,
        4,
        [
          { own: [0], none: 2 },
          { own: [2, 3], none: 0 },
        ],
        1,
        out,
      ),
    ).toThrow(/class 1 has no specialist/);
  });
});
