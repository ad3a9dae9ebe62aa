import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { hardLabelLoss, labelSmoothedLoss } from './kdLoss.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** −Σ_k t_k log softmax(z)_k with t = (1 − ε)·onehot + ε/K, in float64, one row at a time. */
function reference(rows: number[][], labels: number[], epsilon: number): number {
  let sum = 0;
  rows.forEach((z, n) => {
    const max = Math.max(...z);
    const logZ = max + Math.log(z.reduce((s, v) => s + Math.exp(v - max), 0));
    z.forEach((v, k) => {
      const target = (k === labels[n] ? 1 - epsilon : 0) + epsilon / z.length;
      sum -= target * (v - logZ);
    });
  });
  return sum / rows.length;
}

describe('labelSmoothedLoss', () => {
  const rows = [
    [2, -1, 0.5],
    [0, 0, 3],
  ];
  const labels = [0, 1];
  const loss = (epsilon: number) =>
    tf.tidy(
      () =>
        labelSmoothedLoss(tf.tensor2d(rows), tf.tensor1d(labels, 'int32'), epsilon).dataSync()[0],
    );

  it('is the plain cross-entropy at ε = 0', () => {
    const hard = tf.tidy(
      () => hardLabelLoss(tf.tensor2d(rows), tf.tensor1d(labels, 'int32')).dataSync()[0],
    );
    expect(loss(0)).toBeCloseTo(hard, 6);
  });

  it('matches the smoothed-target cross-entropy computed by hand at ε = 0.1 and 1', () => {
    expect(loss(0.1)).toBeCloseTo(reference(rows, labels, 0.1), 5);
    expect(loss(1)).toBeCloseTo(reference(rows, labels, 1), 5);
  });

  it('is (1 − ε)·CE + ε·(mean −log p): a worked value for one row', () => {
    // z = (0, 0, 3), label 1: log Z = 3 + log(1 + 2e^-3); −log p = log Z − z.
    const logZ = 3 + Math.log(1 + 2 * Math.exp(-3));
    const one = tf.tidy(
      () =>
        labelSmoothedLoss(tf.tensor2d([[0, 0, 3]]), tf.tensor1d([1], 'int32'), 0.3).dataSync()[0],
    );
    const expected = 0.7 * logZ + 0.3 * ((logZ + logZ + (logZ - 3)) / 3);
    expect(one).toBeCloseTo(expected, 5);
  });

  it('rejects ε outside 0–1', () => {
    expect(() => loss(1.5)).toThrow(/label smoothing/);
  });
});
