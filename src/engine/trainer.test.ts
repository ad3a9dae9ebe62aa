import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MnistSplit } from '../data/batches.ts';
import { IMAGE_SIZE } from '../data/mnistAssets.ts';
import { matMulForBackend } from '../kernels/denseMatMul.ts';
import type { EngineConfig } from './protocol.ts';
import { Trainer } from './trainer.ts';

/** A small learnable stand-in for MNIST: class c lights up pixel block c. */
function syntheticSplit(count: number, seed: number): MnistSplit {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const images = new Uint8Array(count * IMAGE_SIZE);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const c = Math.floor(random() * 10);
    labels[i] = c;
    for (let p = 0; p < IMAGE_SIZE; p++) images[i * IMAGE_SIZE + p] = random() < 0.05 ? 200 : 0;
    for (let p = c * 70; p < c * 70 + 70; p++) images[i * IMAGE_SIZE + p] = 255;
  }
  return { count, images, labels };
}

const config: EngineConfig = {
  studentSize: '30-30',
  seed: 3,
  batchSize: 32,
  learningRate: 0.003,
  teacherEpochs: 1,
  studentEpochs: 2,
  evalEvery: 5,
  teacherSource: 'train',
  transferDigits: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  transferFraction: 1,
  useLabels: true,
};

function runUntil(trainer: Trainer, done: () => boolean, limit = 10_000): void {
  for (let i = 0; i < limit && !done(); i++) trainer.tick();
  expect(done()).toBe(true);
}

describe('the trainer', () => {
  let trainer: Trainer | null = null;
  beforeAll(async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
  });
  afterEach(() => {
    trainer?.dispose();
    trainer = null;
  });

  it('goes teacher → caching → students → done, and both students learn the synthetic task', () => {
    const data = { train: syntheticSplit(640, 1), test: syntheticSplit(200, 2) };
    trainer = new Trainer(data, config, { temperature: 4, alpha: 0.5 }, matMulForBackend('wasm'));
    const phases = new Set<string>();
    runUntil(trainer, () => {
      phases.add(trainer!.phase);
      return trainer!.phase === 'done' && !trainer!.evaluating;
    });
    expect([...phases]).toEqual(['ready', 'teacher', 'caching', 'students', 'done']);
    expect(trainer.latest.teacher).toBeLessThan(20); // errors out of 200
    expect(trainer.latest.distilled).toBeLessThan(100);
    expect(trainer.latest.control).toBeLessThan(100);
    const last = trainer.accuracy[trainer.accuracy.length - 1];
    expect(last.epoch).toBeCloseTo(2, 5);
    expect(trainer.loss.some((p) => p.teacher !== undefined)).toBe(true);
    expect(trainer.loss.some((p) => p.soft !== undefined && p.control !== undefined)).toBe(true);
  });

  it('keeps the tensor count flat across training steps (no leaks)', () => {
    const data = { train: syntheticSplit(640, 4), test: syntheticSplit(100, 5) };
    trainer = new Trainer(
      data,
      { ...config, evalEvery: 1000, studentEpochs: 3 },
      { temperature: 2, alpha: 0.3 },
      matMulForBackend('wasm'),
    );
    trainer.finishTeacher();
    runUntil(trainer, () => trainer!.phase === 'students' && !trainer!.evaluating);
    // Adam creates its moment variables on the first step; after that the count must not move.
    for (let i = 0; i < 3; i++) trainer.tick();
    const counts: number[] = [];
    for (let i = 0; i < 30; i++) {
      trainer.tick();
      trainer.hyper = { temperature: 1 + i, alpha: (i % 10) / 10 }; // live T and α changes too
      counts.push(tf.memory().numTensors);
    }
    expect(new Set(counts).size).toBe(1);
  });

  it('starts both students from the same weights and leaves the teacher alone while they train', () => {
    const data = { train: syntheticSplit(320, 6), test: syntheticSplit(100, 7) };
    trainer = new Trainer(
      data,
      { ...config, evalEvery: 1000 },
      { temperature: 4, alpha: 1 },
      matMulForBackend('wasm'),
    );
    const indices = [0, 1, 2, 3];
    const before = trainer.sampleLogits(indices);
    expect(Array.from(before.distilled)).toEqual(Array.from(before.control));
    trainer.finishTeacher();
    runUntil(trainer, () => trainer!.phase === 'students' && !trainer!.evaluating);
    const teacherBefore = Array.from(trainer.sampleLogits(indices).teacher);
    for (let i = 0; i < 5; i++) trainer.tick();
    const after = trainer.sampleLogits(indices);
    expect(Array.from(after.teacher)).toEqual(teacherBefore);
    // α = 1 makes the distilled loss pure CE: with the same init and batches, the twins stay equal.
    after.distilled.forEach((v, i) => expect(v).toBeCloseTo(after.control[i], 3));
    trainer.hyper = { temperature: 4, alpha: 0 };
    for (let i = 0; i < 3; i++) trainer.tick();
    const diverged = trainer.sampleLogits(indices);
    expect(diverged.distilled.some((v, i) => Math.abs(v - diverged.control[i]) > 1e-3)).toBe(true);
  });

  it('never shows the students an omitted digit, and counts what they saw', () => {
    const data = { train: syntheticSplit(640, 10), test: syntheticSplit(100, 11) };
    const digits = [0, 1, 2, 4, 5, 6, 7, 8, 9];
    trainer = new Trainer(
      data,
      { ...config, transferDigits: digits, evalEvery: 1000 },
      { temperature: 4, alpha: 0.5 },
      matMulForBackend('wasm'),
    );
    trainer.finishTeacher();
    runUntil(trainer, () => trainer!.phase === 'done' && !trainer!.evaluating);
    expect(trainer.seenClassCounts[3]).toBe(0);
    const threes = Array.from(data.train.labels).filter((l) => l === 3).length;
    const seen = trainer.seenClassCounts.reduce((a, b) => a + b, 0);
    // Two epochs over the 640 − (number of 3s) examples, minus the dropped partial batches.
    const transferSize = 640 - threes;
    expect(seen).toBe(2 * Math.floor(transferSize / 32) * 32);
  });

  it('trains only the distilled student, at α = 0, when the transfer set has no labels', () => {
    const data = { train: syntheticSplit(320, 12), test: syntheticSplit(100, 13) };
    trainer = new Trainer(
      data,
      { ...config, useLabels: false, evalEvery: 1000 },
      { temperature: 4, alpha: 1 },
      matMulForBackend('wasm'),
    );
    trainer.finishTeacher();
    runUntil(trainer, () => trainer!.phase === 'students' && !trainer!.evaluating);
    const before = trainer.sampleLogits([0, 1]);
    for (let i = 0; i < 4; i++) trainer.tick();
    const after = trainer.sampleLogits([0, 1]);
    expect(Array.from(after.control)).toEqual(Array.from(before.control));
    expect(Array.from(after.distilled)).not.toEqual(Array.from(before.distilled));
    const last = trainer.loss[trainer.loss.length - 1] ?? { hard: 0 };
    expect(last.hard ?? 0).toBe(0);
    expect(trainer.latest.control).toBeUndefined();
  });

  it('pauses with a reason when the loss diverges', () => {
    const data = { train: syntheticSplit(320, 8), test: syntheticSplit(100, 9) };
    trainer = new Trainer(
      data,
      { ...config, learningRate: 1e30, evalEvery: 1000 },
      { temperature: 4, alpha: 0.5 },
      matMulForBackend('wasm'),
    );
    let result = '';
    for (let i = 0; i < 200 && result !== 'diverged'; i++) result = trainer.tick();
    expect(result).toBe('diverged');
    expect(trainer.divergence).toMatch(/loss became (NaN|Infinity)/);
    expect(trainer.divergence).toMatch(/Lower the learning rate/);
  });
});
