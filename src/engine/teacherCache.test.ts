import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_SIZE, NUM_CLASSES } from '../data/mnistAssets.ts';
import { createMlp, disposeMlp } from '../models/mlp.ts';
import { TeacherOutputCache } from './teacherCache.ts';
import { syntheticSplit } from './testRecipes.testutil.ts';

beforeAll(async () => {
  expect(await tf.setBackend('wasm')).toBe(true);
});

/** Logits of a 784-16-10 net written out here: relu(x·W0 + b0)·W1 + b1 (biases are zero). */
function handLogits(w0: Float32Array, w1: Float32Array, pixels: Uint8Array): Float32Array {
  const hidden = new Float32Array(16);
  for (let u = 0; u < 16; u++) {
    let z = 0;
    for (let p = 0; p < IMAGE_SIZE; p++) z += (pixels[p] / 255) * w0[p * 16 + u];
    hidden[u] = Math.max(0, z);
  }
  const out = new Float32Array(NUM_CLASSES);
  for (let c = 0; c < NUM_CLASSES; c++)
    for (let u = 0; u < 16; u++) out[c] += hidden[u] * w1[u * NUM_CLASSES + c];
  return out;
}

describe('TeacherOutputCache with dropout left on (a teacher in training mode)', () => {
  const train = syntheticSplit(40, 5);
  const transfer = Int32Array.from({ length: 40 }, (_, i) => i);

  it('caches inference-mode logits without dropout, and different ones with it', () => {
    const model = createMlp('cache-test', [IMAGE_SIZE, 16, NUM_CLASSES], 9);
    const plain = new TeacherOutputCache(train, transfer);
    const noisy = new TeacherOutputCache(train, transfer);
    expect(plain.fillChunk('t', model)).toBe(true);
    expect(noisy.fillChunk('t', model, undefined, { input: 0.1, hidden: 0.3 })).toBe(true);
    const w0 = model.kernels[0].dataSync() as Float32Array;
    const w1 = model.kernels[1].dataSync() as Float32Array;
    const positions = transfer;
    const a = new Float32Array(40 * NUM_CLASSES);
    const b = new Float32Array(40 * NUM_CLASSES);
    const source = { members: ['t'], rule: { kind: 'mean-logits' } } as const;
    plain.targets(source, 1, positions, 0, 40, a);
    noisy.targets(source, 1, positions, 0, 40, b);
    // Inference mode: exactly the hand-computed forward pass (to float32 rounding).
    for (let n = 0; n < 40; n++) {
      const expected = handLogits(w0, w1, train.images.subarray(n * IMAGE_SIZE));
      for (let c = 0; c < NUM_CLASSES; c++)
        expect(a[n * NUM_CLASSES + c]).toBeCloseTo(expected[c], 4);
    }
    // Training mode: dropout changes most rows.
    let changed = 0;
    for (let n = 0; n < 40; n++) {
      const row = (x: Float32Array) => x.subarray(n * NUM_CLASSES, (n + 1) * NUM_CLASSES);
      if (row(a).some((v, c) => Math.abs(v - row(b)[c]) > 1e-4)) changed++;
    }
    expect(changed).toBeGreaterThan(30);
    disposeMlp(model);
  });

  it('with rates of 0 gives the inference-mode logits', () => {
    const model = createMlp('cache-test-0', [IMAGE_SIZE, 16, NUM_CLASSES], 9);
    const plain = new TeacherOutputCache(train, transfer);
    const zero = new TeacherOutputCache(train, transfer);
    plain.fillChunk('t', model);
    zero.fillChunk('t', model, undefined, { input: 0, hidden: 0 });
    const a = new Float32Array(40 * NUM_CLASSES);
    const b = new Float32Array(40 * NUM_CLASSES);
    const source = { members: ['t'], rule: { kind: 'mean-logits' } } as const;
    plain.targets(source, 1, transfer, 0, 40, a);
    zero.targets(source, 1, transfer, 0, 40, b);
    for (let i = 0; i < a.length; i++) expect(b[i]).toBeCloseTo(a[i], 5);
    disposeMlp(model);
  });
});
