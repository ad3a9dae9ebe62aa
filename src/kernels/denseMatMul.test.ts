import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { matMulExplicitTranspose, matMulForBackend, matMulStock } from './denseMatMul.ts';
import { createMlp, mlpForward, mlpVariables } from '../models/mlp.ts';

function gradsOf(matMul: typeof matMulStock, a: tf.Tensor2D, b: tf.Tensor2D) {
  // A non-symmetric scalar function of a·b so every gradient entry differs.
  const weights = tf.linspace(-1, 1, a.shape[0] * b.shape[1]).reshape([a.shape[0], b.shape[1]]);
  const f = (x: tf.Tensor, y: tf.Tensor) =>
    tf.sum(tf.mul(tf.tanh(matMul(x as tf.Tensor2D, y as tf.Tensor2D)), weights));
  const [da, db] = tf.grads(f)([a, b]);
  return {
    value: matMul(a, b).arraySync(),
    da: da.arraySync() as number[][],
    db: db.arraySync() as number[][],
  };
}

function expectClose(actual: number[][], expected: number[][], tol = 1e-4) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) =>
    row.forEach((v, j) => expect(Math.abs(v - expected[i][j])).toBeLessThan(tol)),
  );
}

describe.each(['cpu', 'wasm'])('on the %s backend', (backend) => {
  afterAll(() => tf.disposeVariables());

  it('the explicit-transpose matMul gives the stock kernel values and gradients', async () => {
    expect(await tf.setBackend(backend)).toBe(true);
    const a = tf.randomNormal([7, 5], 0, 1, 'float32', 3) as tf.Tensor2D;
    const b = tf.randomNormal([5, 4], 0, 1, 'float32', 4) as tf.Tensor2D;
    const stock = gradsOf(matMulStock, a, b);
    const fast = gradsOf(matMulExplicitTranspose, a, b);
    expectClose(fast.value, stock.value);
    expectClose(fast.da, stock.da);
    expectClose(fast.db, stock.db);
    // Against a third, hand-written formula: d/da sum(W ⊙ (a·b)) = W·bᵀ when tanh is dropped.
    const w = tf.ones([7, 4]);
    const [daLinear] = tf.grads((x: tf.Tensor) =>
      tf.sum(tf.mul(matMulExplicitTranspose(x as tf.Tensor2D, b), w)),
    )([a]);
    expectClose(
      daLinear.arraySync() as number[][],
      tf.matMul(w, b.transpose()).arraySync() as number[][],
    );
  });

  it('a whole MLP (training pass, no dropout) has the same gradients with either kernel', async () => {
    expect(await tf.setBackend(backend)).toBe(true);
    const mlp = createMlp('m', [12, 9, 6, 3], 5);
    const x = tf.randomUniform([8, 12], 0, 1, 'float32', 9) as tf.Tensor2D;
    const lossWith = (matMul: typeof matMulStock) => () =>
      tf.sum(tf.square(mlpForward(mlp, x, { training: true, matMul }))) as tf.Scalar;
    const stock = tf.variableGrads(lossWith(matMulStock), mlpVariables(mlp));
    const fast = tf.variableGrads(lossWith(matMulExplicitTranspose), mlpVariables(mlp));
    expect(fast.value.arraySync()).toBeCloseTo(stock.value.arraySync() as number, 4);
    for (const name of Object.keys(stock.grads)) {
      const s = stock.grads[name].dataSync();
      const f = fast.grads[name].dataSync();
      expect(f.length).toBe(s.length);
      for (let i = 0; i < s.length; i++) expect(Math.abs(f[i] - s[i])).toBeLessThan(1e-4);
    }
  });
});

describe('the first-layer kernel', () => {
  it('gives the stock weight gradient and skips the gradient of the input data', async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
    const x = tf.randomUniform([6, 5], 0, 1, 'float32', 1) as tf.Tensor2D;
    const w = tf.randomNormal([5, 4], 0, 1, 'float32', 2) as tf.Tensor2D;
    const f = (matMul: typeof matMulStock) => (a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.square(matMul(a as tf.Tensor2D, b as tf.Tensor2D, true)));
    const [dxStock, dwStock] = tf.grads(f(matMulStock))([x, w]);
    const [dxFast, dwFast] = tf.grads(f(matMulExplicitTranspose))([x, w]);
    expectClose(dwFast.arraySync() as number[][], dwStock.arraySync() as number[][]);
    expect(Math.max(...(dxStock.dataSync() as Float32Array).map(Math.abs))).toBeGreaterThan(0);
    expect(Array.from(dxFast.dataSync()).every((v) => v === 0)).toBe(true);
  });
});

describe('kernel choice', () => {
  it('uses the explicit-transpose path on wasm only', () => {
    expect(matMulForBackend('wasm')).toBe(matMulExplicitTranspose);
    expect(matMulForBackend('webgl')).toBe(matMulStock);
    expect(matMulForBackend('cpu')).toBe(matMulStock);
  });
});

describe('model lifetime', () => {
  it('creating, cloning and disposing models leaves no tensor behind, even with equal names', async () => {
    expect(await tf.setBackend('cpu')).toBe(true);
    const before = tf.memory().numTensors;
    const { cloneMlp, disposeMlp } = await import('../models/mlp.ts');
    const a = createMlp('student', [5, 4, 3], 1);
    const b = createMlp('student', [5, 4, 3], 1);
    const c = cloneMlp(a, 'control');
    expect(Array.from(c.kernels[0].dataSync())).toEqual(Array.from(a.kernels[0].dataSync()));
    expect(Array.from(b.kernels[0].dataSync())).toEqual(Array.from(a.kernels[0].dataSync()));
    for (const m of [a, b, c]) disposeMlp(m);
    expect(tf.memory().numTensors).toBe(before);
  });
});
