import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import { IMAGE_SIZE } from '../data/mnistAssets.ts';
import { matMulForBackend } from '../kernels/denseMatMul.ts';
import { countErrors } from '../kd/index.ts';
import { memberLogits, sampleLogitsOf } from './sampleLogits.ts';
import { MeasureCancelled, measureSizes, quantizedCopy } from './sizeReport.ts';
import { sessionsOnWasm, smallRecipe, syntheticSplit } from './testRecipes.testutil.ts';

const matMul = matMulForBackend('wasm');

/**
 * Counts the yields. Under Node a MessageChannel post does not let timers or other ports run
 * (Node drains a port's queue in one go), so the test counts them instead of racing a message.
 */
const yields = vi.hoisted(() => ({ count: 0 }));
vi.mock('./yieldToEventLoop.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./yieldToEventLoop.ts')>();
  return {
    yieldToEventLoop: () => {
      yields.count++;
      return real.yieldToEventLoop();
    },
  };
});

describe('the size trade-off and inference on the page’s own images', () => {
  const openSession = sessionsOnWasm();

  it('measures every member: bytes by formula, errors that match the evaluation, 8-bit errors close', async () => {
    const data = { train: syntheticSplit(640, 21), test: syntheticSplit(200, 22) };
    const session = openSession(data, smallRecipe(), { temperature: 4, alpha: 0.5 }, { matMul });
    session.runToEnd();
    const before = tf.memory().numTensors;
    const rows = await measureSizes(session.run, data.test);
    expect(tf.memory().numTensors).toBe(before);
    expect(rows.map((r) => r.id)).toEqual(['teacher', 'distilled', 'control']);
    const { latest } = session.run.history;
    for (const row of rows) {
      expect(row.errors).toBe(latest[row.id].errors);
      expect(row.testCount).toBe(200);
      expect(row.inferenceMs).toBeGreaterThan(0);
      // Per-column int8 keeps a learned classifier's answers on all but a few digits.
      expect(Math.abs(row.errorsInt8 - row.errors)).toBeLessThanOrEqual(4);
    }
    // 30-30 student: 784·30 + 30 + 30·30 + 30 + 30·10 + 10 = 24,790 parameters.
    const student = rows.find((r) => r.id === 'distilled')!;
    expect(student.parameters).toBe(24_790);
    expect(student.bytesFloat32).toBe(4 * 24_790);
    expect(student.bytesInt8).toBe(24_720 + 8 * 70);
  });

  it('stops with MeasureCancelled when its run is replaced mid-way, leaking no tensor', async () => {
    const data = { train: syntheticSplit(640, 27), test: syntheticSplit(1000, 28) };
    const session = openSession(data, smallRecipe(), { temperature: 4, alpha: 0.5 }, { matMul });
    session.runToEnd();
    const before = tf.memory().numTensors;
    // Alive for the first few chunks only: the run is "replaced" inside the first member's passes.
    let checks = 0;
    await expect(measureSizes(session.run, data.test, () => ++checks < 4)).rejects.toBeInstanceOf(
      MeasureCancelled,
    );
    expect(checks).toBe(4);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('yields to the worker’s queue between chunks, so a ping is answered while it measures', async () => {
    // Two chunks of 1,000 per pass; three passes (warm-up, timed, 8-bit) of three members.
    const data = { train: syntheticSplit(320, 29), test: syntheticSplit(2000, 30) };
    const session = openSession(data, smallRecipe(), { temperature: 4, alpha: 0.5 }, { matMul });
    yields.count = 0;
    expect(await measureSizes(session.run, data.test)).toHaveLength(3);
    expect(yields.count).toBe(9);
  });

  it('gives a quantized copy whose kernels are within half a step of the original, per column', () => {
    const data = { train: syntheticSplit(320, 23), test: syntheticSplit(100, 24) };
    const session = openSession(data, smallRecipe(), { temperature: 4, alpha: 0.5 }, { matMul });
    const model = session.run.learners[0].model;
    const copy = quantizedCopy(model);
    const w = model.kernels[0].arraySync() as number[][];
    const q = copy.kernels[0].arraySync() as number[][];
    for (let j = 0; j < w[0].length; j++) {
      const step = Math.max(...w.map((row) => Math.abs(row[j]))) / 127;
      for (let i = 0; i < w.length; i++)
        expect(Math.abs(q[i][j] - w[i][j])).toBeLessThanOrEqual(step / 2 + 1e-6);
    }
    for (const v of [...copy.kernels, ...copy.biases]) v.dispose();
  });

  it('classifies images the page sends exactly as the evaluation does the same test digits', () => {
    const data = { train: syntheticSplit(640, 25), test: syntheticSplit(100, 26) };
    const session = openSession(data, smallRecipe(), { temperature: 4, alpha: 0.5 }, { matMul });
    session.runToEnd();
    const indices = [0, 5, 17];
    const fromTest = sampleLogitsOf(session.run, data.test, indices);
    const pixels = new Float32Array(indices.length * IMAGE_SIZE);
    indices.forEach((index, k) => {
      for (let p = 0; p < IMAGE_SIZE; p++) {
        pixels[k * IMAGE_SIZE + p] = data.test.images[index * IMAGE_SIZE + p] / 255;
      }
    });
    const fromPage = memberLogits(session.run, pixels, indices.length);
    for (const id of ['teacher', 'distilled', 'control']) {
      expect([...fromPage[id]].map((v) => v.toFixed(4))).toEqual(
        [...fromTest[id]].map((v) => v.toFixed(4)),
      );
    }
    const labels = Int32Array.from(indices.map((i) => data.test.labels[i]));
    expect(countErrors(fromPage.teacher, labels, 10)).toBe(0);
  });
});
