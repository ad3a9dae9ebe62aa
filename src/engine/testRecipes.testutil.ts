/** Fixtures for the engine's tests: synthetic digits, a small recipe, sessions on wasm. */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterEach, beforeAll, expect } from 'vitest';
import type { MnistSplit } from '../data/batches.ts';
import { IMAGE_SIZE } from '../data/mnistAssets.ts';
import type { LearnerSpec, Recipe } from './recipe.ts';
import { Session } from './session.ts';

/** A small learnable stand-in for MNIST: class c lights up pixel block c. */
export function syntheticSplit(count: number, seed: number): MnistSplit {
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

const distilled: LearnerSpec = {
  id: 'distilled',
  label: 'distilled student',
  hidden: '30-30',
  init: { kind: 'seed', seed: 4 },
  objective: { id: 'hinton' },
  teachers: ['teacher'],
};
const control: LearnerSpec = {
  id: 'control',
  label: 'control student',
  hidden: '30-30',
  init: { kind: 'copy', of: 'distilled' },
  objective: { id: 'hard' },
  teachers: [],
};

export function smallRecipe(patch: Partial<Recipe> = {}): Recipe {
  return {
    seed: 3,
    teachers: [
      {
        id: 'teacher',
        label: 'teacher',
        hidden: '300-300',
        source: { kind: 'train', training: { epochs: 1, seed: 3 } },
      },
    ],
    learners: [distilled, control],
    transfer: { digits: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], fraction: 1, labels: true },
    schedule: { epochs: 2, batchSize: 32, learningRate: 0.003, evalEvery: 5 },
    ...patch,
  };
}

/**
 * Inside a describe: its tests run on the wasm backend, and each may open one Session (with the
 * function returned), disposed after the test.
 */
export function sessionsOnWasm(): (...args: ConstructorParameters<typeof Session>) => Session {
  let session: Session | null = null;
  beforeAll(async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
  });
  afterEach(() => {
    session?.dispose();
    session = null;
  });
  return (...args) => (session = new Session(...args));
}
