import * as tf from '@tensorflow/tfjs';
import type { MnistSplit } from '../data/batches.ts';
import { IMAGE_SIZE, NUM_CLASSES } from '../data/mnistAssets.ts';
import { countErrors } from '../kd/metrics.ts';
import { sha256Hex } from '../models/weightsDigest.ts';
import { createTeacher } from '../models/architectures.ts';
import { disposeMlp } from '../models/mlp.ts';
import { assignMlpWeights, type MlpWeightsJson } from '../models/weightsFile.ts';
import type { SampleDigits } from './protocol.ts';
import type { TeacherWeights } from './members.ts';
import { predictLogits } from './steps.ts';
import { say, WordedError, type WordValue } from './messageWords.ts';

export const TEACHER_FILES = { rebuild: 'npm run train:teacher' };

/** Fetches public/models/<file>.json and its binary; the error names the file and the fix. */
export async function loadTeacherWeights(
  baseUrl: string,
  file = 'teacher',
): Promise<TeacherWeights> {
  const jsonName = `models/${file}.json`;
  const jsonUrl = new URL(jsonName, baseUrl);
  const fail = (file: string, why: WordValue) =>
    new WordedError(say('engine.teacher.notLoaded', { file, why, command: TEACHER_FILES.rebuild }));
  let json: MlpWeightsJson;
  try {
    const response = await fetch(jsonUrl);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    json = (await response.json()) as MlpWeightsJson;
  } catch (e) {
    throw fail(jsonName, (e as Error).message);
  }
  // Any JSON may arrive (null, an array, a host's error object): nothing is assumed of it.
  const binName = (json as Partial<MlpWeightsJson> | null)?.weightsManifest?.[0]?.paths?.[0];
  if (!binName) throw fail(jsonName, say('engine.teacher.noWeightsFile'));
  const binUrl = new URL(binName, jsonUrl);
  const response = await fetch(binUrl).catch((e: Error) => {
    throw fail(`models/${binName}`, e.message);
  });
  if (!response.ok) throw fail(`models/${binName}`, `HTTP ${response.status}`);
  const bin = await response.arrayBuffer();
  // Bytes of the right length can still be wrong (corrupt, swapped): the .json keeps their hash.
  if (typeof json.sha256 === 'string' && (await sha256Hex(bin)) !== json.sha256) {
    throw fail(`models/${binName}`, say('engine.teacher.sha', { json: jsonName }));
  }
  // Check it now, on a throwaway model, so a corrupt file is reported before training starts.
  const probe = createTeacher(0);
  try {
    assignMlpWeights(probe, json, bin);
  } catch (e) {
    throw fail(`models/${binName}`, (e as Error).message);
  } finally {
    disposeMlp(probe);
  }
  return { json, bin };
}

/** A pretrained teacher must classify at least this share of the first test digits. */
export const MIN_TEACHER_ACCURACY = 0.9;
/** How many test digits the load check reads (a few milliseconds on WASM). */
const CHECK_DIGITS = 500;

/**
 * The share of the first CHECK_DIGITS test digits a teacher's weights classify correctly: the
 * second check on load (after the hash), so a file that is intact but is no trained teacher (a
 * wrong file under the right name, one whose checksum was stamped after it broke) is not trusted.
 */
export function teacherAccuracy(weights: TeacherWeights, test: MnistSplit): number {
  const teacher = createTeacher(0);
  const count = Math.min(CHECK_DIGITS, test.count);
  try {
    assignMlpWeights(teacher, weights.json, weights.bin);
    const x = tf.tidy(
      () =>
        tf.div(
          tf.tensor2d(test.images.subarray(0, count * IMAGE_SIZE), [count, IMAGE_SIZE], 'float32'),
          255,
        ) as tf.Tensor2D,
    );
    try {
      const logits = predictLogits(teacher, x);
      return 1 - countErrors(logits, test.labels.subarray(0, count), NUM_CLASSES) / count;
    } finally {
      x.dispose();
    }
  } finally {
    disposeMlp(teacher);
  }
}

/** The teacher's logits on the sample digits, from its weights alone. */
export function earlyTeacherLogits(weights: TeacherWeights, samples: SampleDigits): Float32Array {
  const teacher = createTeacher(0);
  try {
    assignMlpWeights(teacher, weights.json, weights.bin);
    const count = samples.indices.length;
    const x = tf.tidy(
      () => tf.div(tf.tensor2d(samples.pixels, [count, IMAGE_SIZE], 'float32'), 255) as tf.Tensor2D,
    );
    try {
      return predictLogits(teacher, x);
    } finally {
      x.dispose();
    }
  } finally {
    disposeMlp(teacher);
  }
}
