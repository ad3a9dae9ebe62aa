import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadMnistNode } from '../../scripts/lib/nodeMnist.ts';
import { loadTeacherWeights, MIN_TEACHER_ACCURACY, teacherAccuracy } from './teacherWeights.ts';

const BASE = 'http://app.test/';

/** Serves public/models/<file>.json and a .bin (the real one unless replaced). */
function serve(file: string, bin?: Uint8Array) {
  const json = readFileSync(`public/models/${file}.json`, 'utf8');
  const real = new Uint8Array(readFileSync(`public/models/${file}.bin`));
  vi.stubGlobal('fetch', (url: URL | string) => {
    const path = String(url).replace(BASE, '');
    if (path === `models/${file}.json`) return Promise.resolve(new Response(json));
    if (path === `models/${file}.bin`)
      return Promise.resolve(new Response((bin ?? real).slice().buffer));
    return Promise.resolve(new Response('', { status: 404 }));
  });
  return real;
}

beforeAll(async () => {
  expect(await tf.setBackend('wasm')).toBe(true);
});
afterEach(() => vi.unstubAllGlobals());

describe('loading a pretrained teacher', () => {
  it('accepts the committed file, which classifies the first test digits well', async () => {
    serve('teacher-early');
    const weights = await loadTeacherWeights(BASE, 'teacher-early');
    // teacher-early makes 377 errors in 10,000 (96.2%); on the first 500 it is well above 90%.
    expect(teacherAccuracy(weights, loadMnistNode('test'))).toBeGreaterThan(MIN_TEACHER_ACCURACY);
  });

  it('refuses random bytes of the right length, naming the file and why', async () => {
    const real = serve('teacher');
    let state = 7;
    const noise = Uint8Array.from(
      real,
      () => (state = (state * 1103515245 + 12345) % 2 ** 31) & 255,
    );
    serve('teacher', noise);
    await expect(loadTeacherWeights(BASE, 'teacher')).rejects.toThrow(
      /models\/teacher\.bin.*SHA-256 does not match.*npm run train:teacher/,
    );
  });

  it('scores an intact but untrained teacher (hash stamped on broken weights) below the bar', async () => {
    const real = serve('teacher');
    const weights = await loadTeacherWeights(BASE, 'teacher');
    // The same manifest over bytes of a flat teacher: every weight decodes to the same value.
    const flat = {
      json: { ...weights.json, sha256: undefined },
      bin: new Uint8Array(real.length).fill(128).buffer,
    };
    expect(teacherAccuracy(flat, loadMnistNode('test'))).toBeLessThan(MIN_TEACHER_ACCURACY);
  });
});
