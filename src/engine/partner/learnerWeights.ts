/**
 * A learner's trainable values as plain arrays, in one fixed order: the model's kernels, its
 * biases, then a hint regressor's kernel and bias. What crosses between the training worker and
 * its partner at a stage's start and whenever the training worker needs current weights.
 */
import * as tf from '@tensorflow/tfjs';
import type { LearnerMember } from '../members.ts';

function variablesOf(learner: LearnerMember): tf.Variable[] {
  const { model, hint } = learner;
  return [...model.kernels, ...model.biases, ...(hint ? [hint.kernel, hint.bias] : [])];
}

/** Copies (some backends' dataSync returns their own storage, which must not be transferred). */
export function readLearnerWeights(learner: LearnerMember): Float32Array[] {
  return variablesOf(learner).map((v) => (v.dataSync() as Float32Array).slice());
}

export function writeLearnerWeights(learner: LearnerMember, arrays: readonly Float32Array[]): void {
  const variables = variablesOf(learner);
  if (arrays.length !== variables.length)
    throw new Error(
      `${learner.spec.id}: ${arrays.length} weight arrays for ${variables.length} variables`,
    );
  variables.forEach((v, i) => {
    const t = tf.tensor(arrays[i], v.shape, 'float32');
    v.assign(t);
    t.dispose();
  });
}

/** The buffers of a weights record, to transfer instead of copying. */
export function weightBuffers(weights: Record<string, Float32Array[]>): ArrayBuffer[] {
  return Object.values(weights).flatMap((arrays) => arrays.map((a) => a.buffer as ArrayBuffer));
}
