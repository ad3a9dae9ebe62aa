import { describe, expect, it } from 'vitest';
import { logSoftmaxAt, softmaxAt, softmaxRows } from './softmax.ts';
import { expectAllClose, expectClose } from './expectClose.testutil.ts';

const sum = (values: ArrayLike<number>): number => Array.from(values).reduce((a, b) => a + b, 0);

describe('softmaxAt', () => {
  it('gives [1/6, 2/6, 3/6] for logits [0, ln 2, ln 3] at T = 1', () => {
    expectAllClose(softmaxAt([0, Math.LN2, Math.log(3)], 1), [1 / 6, 2 / 6, 3 / 6], 1e-14, 0);
  });

  it('gives [1, √2, √3] / (1 + √2 + √3) for the same logits at T = 2', () => {
    // exp(ln k / 2) = √k
    const norm = 1 + Math.SQRT2 + Math.sqrt(3);
    expectAllClose(
      softmaxAt([0, Math.LN2, Math.log(3)], 2),
      [1 / norm, Math.SQRT2 / norm, Math.sqrt(3) / norm],
      1e-14,
      0,
    );
  });

  it('moves towards uniform as T grows and is within 0.025 of uniform at T = 50', () => {
    const logits = [-3, 0, 2, 5];
    const deviation = (t: number): number =>
      Math.max(...Array.from(softmaxAt(logits, t), (p) => Math.abs(p - 1 / 4)));
    const deviations = [1, 5, 10, 50].map(deviation);
    for (let i = 1; i < deviations.length; i++) {
      expect(deviations[i]).toBeLessThan(deviations[i - 1]);
    }
    // first order in 1/T: p_i ≈ (1 + (z_i − z̄)/T) / C, so the largest gap is ≈ 4/50/4 = 0.02
    expect(deviations[3]).toBeLessThan(0.025);
  });

  it('stays finite and sums to 1 for logits of ±100 at T = 1 and T = 50', () => {
    for (const t of [1, 50]) {
      const p = softmaxAt([100, -100, 0, 100], t);
      for (const v of p) expect(Number.isFinite(v)).toBe(true);
      expectClose(sum(p), 1, 1e-14, 0);
    }
    expectAllClose(softmaxAt([100, -100, 0, 100], 1), [0.5, 0, 0, 0.5], 1e-14, 1e-40);
  });

  it('matches the hand value at T = 50, where ±100 logits become [2, −2, 0]', () => {
    const norm = Math.exp(2) + Math.exp(-2) + 1;
    expectAllClose(
      softmaxAt([100, -100, 0], 50),
      [Math.exp(2) / norm, Math.exp(-2) / norm, 1 / norm],
      1e-14,
      0,
    );
  });

  it('ignores a constant added to every logit, even one that would overflow a naive exp', () => {
    expectAllClose(
      softmaxAt([1000, 1000 + Math.LN2, 1000 + Math.log(3)], 1),
      [1 / 6, 2 / 6, 3 / 6],
      1e-12,
      0,
    );
  });

  it('rejects a temperature that is zero, negative or not finite', () => {
    for (const t of [0, -1, Number.NaN, Infinity])
      expect(() => softmaxAt([1, 2], t)).toThrow(RangeError);
  });
});

describe('logSoftmaxAt', () => {
  it('gives [ln 1/6, ln 2/6, ln 3/6] for logits [0, ln 2, ln 3] at T = 1', () => {
    expectAllClose(
      logSoftmaxAt([0, Math.LN2, Math.log(3)], 1),
      [Math.log(1 / 6), Math.log(2 / 6), Math.log(3 / 6)],
      1e-14,
      0,
    );
  });

  it('is the log of softmaxAt for moderate logits', () => {
    const logits = [0.3, -1.2, 2.5, 0];
    expectAllClose(logSoftmaxAt(logits, 3), Array.from(softmaxAt(logits, 3), Math.log), 1e-13, 0);
  });

  it('stays finite where the probability underflows: −200 for a logit 200 below the top at T = 1', () => {
    const logP = logSoftmaxAt([100, -100, -100], 1);
    for (const v of logP) expect(Number.isFinite(v)).toBe(true);
    // log(1 + 2e−200) rounds to 0 in float64
    expectAllClose(logP, [0, -200, -200], 1e-14, 1e-14);
  });
});

describe('softmaxRows', () => {
  it('applies softmaxAt to each row of a flat Float32Array', () => {
    const flat = new Float32Array([0, Math.LN2, Math.log(3), 5, -5, 0]);
    const rows = softmaxRows(flat, 2, 3, 2);
    expect(rows).toHaveLength(2);
    expectAllClose(rows[0], softmaxAt(flat.subarray(0, 3), 2), 0, 0);
    expectAllClose(rows[1], softmaxAt([5, -5, 0], 2), 0, 0);
  });

  it('rejects an array whose length is not rows × classes', () => {
    expect(() => softmaxRows(new Float32Array(5), 2, 3, 1)).toThrow(RangeError);
  });
});
