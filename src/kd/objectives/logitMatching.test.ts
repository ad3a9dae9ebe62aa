import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { ObjectiveBatch } from '../objective.ts';
import { logitMatchingMse } from '../logitMatching.ts';
import { expectAllClose, expectClose } from '../expectClose.testutil.ts';
import { naiveKdTerms } from '../naiveReference.testutil.ts';
import { BACKENDS, useBackend } from '../backends.testutil.ts';
import { logitMatchingObjective } from './logitMatching.ts';

/** Each row already has mean 0. */
const STUDENT = [
  [1.0, -0.5, 0.3, 2.0, -2.8],
  [0.2, 0.1, -1.2, 0.7, 0.2],
  [-2.0, 1.5, 0.0, 0.4, 0.1],
];
const TEACHER = [
  [2.5, -1.0, 0.0, 1.0, -2.5],
  [-0.3, 0.8, -2.0, 1.9, -0.4],
  [-1.0, 3.0, 0.5, -0.5, -2.0],
];
const LABELS = [3, 1, 4];
const [N, K] = [STUDENT.length, STUDENT[0].length];
const MSE = logitMatchingMse(STUDENT.flat(), TEACHER.flat(), N, K);

/** T² · mean_n KL(softmax(z_t/T) ‖ softmax(z_s/T)), in float64 from max-shifted log-softmax. */
function scaledKl(temperature: number): number {
  const logSoftmax = (row: number[]): number[] => {
    const scaled = row.map((z) => z / temperature);
    const max = Math.max(...scaled);
    const logSum = max + Math.log(scaled.reduce((sum, z) => sum + Math.exp(z - max), 0));
    return scaled.map((z) => z - logSum);
  };
  let kl = 0;
  STUDENT.forEach((row, n) => {
    const logQ = logSoftmax(row);
    const logP = logSoftmax(TEACHER[n]);
    logP.forEach((lp, i) => (kl += (Math.exp(lp) * (lp - logQ[i])) / N));
  });
  return temperature * temperature * kl;
}

describe('the T → ∞ limit of Hinton KD (float64)', () => {
  it('the rows are zero-meaned', () => {
    for (const row of [...STUDENT, ...TEACHER])
      expectClose(
        row.reduce((a, b) => a + b),
        0,
        0,
        1e-12,
      );
  });

  it('T² · mean KL → ½ · logitMatchingMse (mean over rows and classes), error shrinking as 1/T', () => {
    const temperatures = [10, 100, 1000];
    const errors = temperatures.map((t) => Math.abs(scaledKl(t) / (0.5 * MSE) - 1));
    // Next order of the expansion is O(1/T): each decade divides the error by about 10.
    for (let i = 1; i < errors.length; i++) expect(errors[i]).toBeLessThan(errors[i - 1] / 5);
    errors.forEach((error, i) => expect(error).toBeLessThan(2 / temperatures[i]));
    expect(errors[2]).toBeLessThan(2e-3);
    // The constant is ½ for this normalization (mean over classes too), not 1.
    expect(Math.abs(scaledKl(1000) / MSE - 1)).toBeGreaterThan(0.4);
  });
});

function batchOf(labels = LABELS): ObjectiveBatch {
  return {
    studentLogits: tf.tensor2d(STUDENT),
    teacherLogits: tf.tensor2d(TEACHER),
    labels: tf.tensor1d(labels, 'int32'),
  };
}

function termValues(temperature: number, alpha: number, labels = LABELS): number[] {
  return tf.tidy(() =>
    logitMatchingObjective
      .terms(batchOf(labels), { temperature, alpha }, {})
      .map((term) => term.dataSync()[0]),
  );
}

describe.each(BACKENDS)('logit matching on the %s backend', (backend) => {
  useBackend(backend);

  it('has the catalog metadata: terms [hard, soft]', () => {
    expect(logitMatchingObjective.id).toBe('logit-mse');
    expect(logitMatchingObjective.termNames).toEqual(['hard', 'soft']);
  });

  it('hard = α · CE and soft = (1 − α) · logitMatchingMse, whatever T', () => {
    const alpha = 0.3;
    const crossEntropy = naiveKdTerms(STUDENT, TEACHER, LABELS, 1, 1).crossEntropy;
    for (const t of [1, 4, 50]) {
      const [hard, soft] = termValues(t, alpha);
      expectClose(hard, alpha * crossEntropy, 1e-5);
      expectClose(soft, (1 - alpha) * MSE, 1e-5);
    }
  });

  it('at α = 0 the hard term is exactly 0 and the labels are not read; at α = 1 the soft one', () => {
    const [hard, soft] = termValues(2, 0, []);
    expect(hard).toBe(0);
    expectClose(soft, MSE, 1e-5);
    expect(termValues(2, 1)[1]).toBe(0);
  });

  it('the soft gradient is (1 − α) · 2 · (centered gap)/(N·K), none into the teacher', () => {
    const alpha = 0.25;
    const [studentGradient, teacherGradient] = tf.tidy(() => {
      const labels = tf.tensor1d(LABELS, 'int32');
      const g = tf.grads(
        (s: tf.Tensor, t: tf.Tensor) =>
          logitMatchingObjective.terms(
            { studentLogits: s as tf.Tensor2D, teacherLogits: t as tf.Tensor2D, labels },
            { temperature: 7, alpha },
            {},
          )[1],
      );
      return g([tf.tensor2d(STUDENT), tf.tensor2d(TEACHER)]).map((t) => Array.from(t.dataSync()));
    });
    // Rows are zero-meaned, so the centered gap is just student − teacher.
    const byHand = STUDENT.flatMap((row, n) =>
      row.map((s, i) => ((1 - alpha) * 2 * (s - TEACHER[n][i])) / (N * K)),
    );
    expectAllClose(studentGradient, byHand, 1e-5, 1e-7);
    for (const v of teacherGradient) expect(v).toBe(0);
  });

  it('creates only its returned scalars and needs a teacher', () => {
    const batch = batchOf();
    const before = tf.memory().numTensors;
    const terms = logitMatchingObjective.terms(batch, { temperature: 3, alpha: 0.5 }, {});
    expect(tf.memory().numTensors).toBe(before + terms.length);
    expect(() =>
      logitMatchingObjective.terms(
        { ...batch, teacherLogits: undefined },
        { temperature: 3, alpha: 0.5 },
        {},
      ),
    ).toThrow(/teacherLogits/);
    tf.dispose([...terms, batch.studentLogits, batch.teacherLogits!, batch.labels]);
  });
});
