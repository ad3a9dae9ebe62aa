import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMAGE_SIZE } from '../../src/data/mnistAssets.ts';
import { createTeacher } from '../../src/models/architectures.ts';
import { assignMlpWeights, type MlpWeightsJson } from '../../src/models/weightsFile.ts';
import { loadMnistNode } from './nodeMnist.ts';

const DIR = 'public/models';

interface TeacherRecord {
  model: string;
  testErrors: number;
  testErrorsStored: number;
  testSize: number;
}

/**
 * The committed teacher, scored again with a forward pass written out here (matMul, add, relu,
 * argMax: not the app's mlpForward or EvaluationJob, which made the record), on the raw test set.
 */
function countErrors(json: MlpWeightsJson, bin: ArrayBuffer): number {
  const teacher = createTeacher(0);
  assignMlpWeights(teacher, json, bin);
  const test = loadMnistNode('test');
  let errors = 0;
  const chunk = 1000;
  for (let start = 0; start < test.count; start += chunk) {
    const predicted = tf.tidy(() => {
      const pixels = test.images.subarray(start * IMAGE_SIZE, (start + chunk) * IMAGE_SIZE);
      let h: tf.Tensor2D = tf.tensor2d(
        Float32Array.from(pixels, (v) => v / 255),
        [chunk, IMAGE_SIZE],
      );
      teacher.kernels.forEach((w, l) => {
        const z = tf.add(tf.matMul(h, w as tf.Tensor2D), teacher.biases[l]) as tf.Tensor2D;
        h = l + 1 < teacher.kernels.length ? tf.relu(z) : z;
      });
      return tf.argMax(h, 1).dataSync();
    });
    predicted.forEach((p, i) => {
      if (p !== test.labels[start + i]) errors++;
    });
  }
  for (const v of [...teacher.kernels, ...teacher.biases]) v.dispose();
  return errors;
}

describe('the committed pretrained teacher (public/models)', () => {
  it('makes the test errors its record states, and at most 80 of 10,000', async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
    const record = JSON.parse(readFileSync(`${DIR}/teacher.record.json`, 'utf8')) as TeacherRecord;
    const json = JSON.parse(readFileSync(`${DIR}/teacher.json`, 'utf8')) as MlpWeightsJson;
    const bin = new Uint8Array(readFileSync(`${DIR}/teacher.bin`)).buffer;
    const errors = countErrors(json, bin);
    expect(record.model).toBe('784-1200-1200-10');
    expect(record.testSize).toBe(10_000);
    expect(errors).toBe(record.testErrorsStored);
    expect(errors).toBeLessThanOrEqual(80);
    // Storage costs at most 5 errors against the float32 weights (issue: within 0.05%).
    expect(errors - record.testErrors).toBeLessThanOrEqual(5);
  });

  // The presets' other teachers (ensemble members, the teacher-quality presets' worse teachers).
  it.each(['teacher-s3', 'teacher-s4', 'teacher-early', 'teacher-ls'])(
    '%s makes the test errors its record states',
    async (file) => {
      expect(await tf.setBackend('wasm')).toBe(true);
      const record = JSON.parse(
        readFileSync(`${DIR}/${file}.record.json`, 'utf8'),
      ) as TeacherRecord;
      const json = JSON.parse(readFileSync(`${DIR}/${file}.json`, 'utf8')) as MlpWeightsJson;
      expect(json.weightsManifest[0].paths).toEqual([`${file}.bin`]);
      const bin = new Uint8Array(readFileSync(`${DIR}/${file}.bin`)).buffer;
      expect(countErrors(json, bin)).toBe(record.testErrorsStored);
    },
  );
});
