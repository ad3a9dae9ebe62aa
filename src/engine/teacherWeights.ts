import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE } from '../data/mnistAssets.ts';
import { createTeacher } from '../models/architectures.ts';
import { disposeMlp } from '../models/mlp.ts';
import { assignMlpWeights, type MlpWeightsJson } from '../models/weightsFile.ts';
import type { SampleDigits } from './protocol.ts';
import type { TeacherWeights } from './members.ts';
import { predictLogits } from './steps.ts';

export const TEACHER_FILES = { rebuild: 'npm run train:teacher' };

/** Fetches public/models/<file>.json and its binary; the error names the file and the fix. */
export async function loadTeacherWeights(
  baseUrl: string,
  file = 'teacher',
): Promise<TeacherWeights> {
  const jsonName = `models/${file}.json`;
  const jsonUrl = new URL(jsonName, baseUrl);
  const fail = (file: string, why: string) =>
    new Error(
      `The pretrained teacher (${file}) could not be loaded: ${why}. Rebuild it with \`${TEACHER_FILES.rebuild}\`.`,
    );
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
  if (!binName) throw fail(jsonName, 'it names no weights file');
  const binUrl = new URL(binName, jsonUrl);
  const response = await fetch(binUrl).catch((e: Error) => {
    throw fail(`models/${binName}`, e.message);
  });
  if (!response.ok) throw fail(`models/${binName}`, `HTTP ${response.status}`);
  const bin = await response.arrayBuffer();
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
