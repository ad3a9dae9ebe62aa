import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeEach, expect } from 'vitest';

/** The app trains on wasm; cpu is the reference. Tests of an objective run on both. */
export const BACKENDS = ['cpu', 'wasm'];

/** Inside a `describe`: switch to `backend` before each of its tests. */
export function useBackend(backend: string): void {
  beforeEach(async () => {
    expect(await tf.setBackend(backend)).toBe(true);
  });
}
