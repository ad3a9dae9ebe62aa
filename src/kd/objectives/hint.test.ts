import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { ObjectiveBatch } from '../objective.ts';
import { expectAllClose, expectClose } from '../expectClose.testutil.ts';
import { BACKENDS, useBackend } from '../backends.testutil.ts';
import { hintObjective } from './hint.ts';

// 2 rows × 3 units. Differences s − t: [0.5, −1, 2] and [0, 3, −0.5];
// squares 0.25 + 1 + 4 + 0 + 9 + 0.25 = 14.5, mean over the 6 entries = 14.5 / 6.
const STUDENT_HINT = [
  [1.5, 0.0, 2.0],
  [-1.0, 4.0, 0.5],
];
const TEACHER_HINT = [
  [1.0, 1.0, 0.0],
  [-1.0, 1.0, 1.0],
];
const HAND_MSE = 14.5 / 6;

function batchOf(studentHint: tf.Tensor2D, teacherHint: tf.Tensor2D): ObjectiveBatch {
  return {
    studentLogits: tf.zeros([2, 10]),
    labels: tf.tensor1d([0, 1], 'int32'),
    studentHint,
    teacherHint,
  };
}

function hintValue(hintWeight?: number): number {
  return tf.tidy(() => {
    const batch = batchOf(tf.tensor2d(STUDENT_HINT), tf.tensor2d(TEACHER_HINT));
    const terms = hintObjective.terms(batch, { temperature: 4, alpha: 0.5 }, { hintWeight });
    expect(terms.length).toBe(1);
    return terms[0].dataSync()[0];
  });
}

describe.each(BACKENDS)('the FitNets hint on the %s backend', (backend) => {
  useBackend(backend);

  it('has the catalog metadata: one term, needs the hint', () => {
    expect(hintObjective.id).toBe('hint');
    expect(hintObjective.termNames).toEqual(['hint']);
    expect(hintObjective.needsHint).toBe(true);
  });

  it('is β · the mean over rows and units of the squared gap (β defaults to 1)', () => {
    expectClose(hintValue(), HAND_MSE, 1e-6);
    expectClose(hintValue(0.25), 0.25 * HAND_MSE, 1e-6);
    expect(hintValue(0)).toBe(0);
  });

  it('has gradient 2β(s − t)/(N·U) into the student hint and none into the teacher', () => {
    const beta = 3;
    const [studentGradient, teacherGradient] = tf.tidy(() => {
      const g = tf.grads((s: tf.Tensor, t: tf.Tensor) => {
        const batch = batchOf(s as tf.Tensor2D, t as tf.Tensor2D);
        return hintObjective.terms(batch, { temperature: 1, alpha: 0 }, { hintWeight: beta })[0];
      });
      return g([tf.tensor2d(STUDENT_HINT), tf.tensor2d(TEACHER_HINT)]).map((t) =>
        Array.from(t.dataSync()),
      );
    });
    const byHand = STUDENT_HINT.flatMap((row, n) =>
      row.map((s, u) => (2 * beta * (s - TEACHER_HINT[n][u])) / 6),
    );
    expectAllClose(studentGradient, byHand, 1e-6, 1e-7);
    for (const v of teacherGradient) expect(v).toBe(0);
  });

  it('creates only its returned scalar; rejects a missing hint, a shape mismatch, a bad β', () => {
    const batch = batchOf(tf.tensor2d(STUDENT_HINT), tf.tensor2d(TEACHER_HINT));
    const hyper = { temperature: 1, alpha: 0 };
    const before = tf.memory().numTensors;
    const terms = hintObjective.terms(batch, hyper, {});
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(() => hintObjective.terms({ ...batch, teacherHint: undefined }, hyper, {})).toThrow(
      /teacherHint/,
    );
    expect(() => hintObjective.terms(batch, hyper, { hintWeight: -1 })).toThrow(RangeError);
    const narrow = tf.zeros<tf.Rank.R2>([2, 2]);
    expect(() => hintObjective.terms({ ...batch, teacherHint: narrow }, hyper, {})).toThrow(
      RangeError,
    );
    tf.dispose([...terms, narrow, ...Object.values(batch)]);
    expect(tf.memory().numTensors).toBe(before - 4);
  });
});
