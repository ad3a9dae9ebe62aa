import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { hardLabelLoss, kdLoss } from './kdLoss.ts';
import { logitMatchingMse } from './logitMatching.ts';
import { expectAllClose, expectClose } from './expectClose.testutil.ts';
import { naiveKdTerms, naiveSoftmax } from './naiveReference.testutil.ts';
import { LABELS, N, STUDENT, TEACHER } from './logitsFixture.testutil.ts';

const C = STUDENT[0].length;

interface TermValues {
  total: number;
  hard: number;
  soft: number;
}

/** kdLoss on plain arrays, read back and disposed. */
function kdLossValues(
  student: number[][],
  teacher: number[][],
  labels: number[],
  temperature: number,
  alpha: number,
): TermValues {
  return tf.tidy(() => {
    const terms = kdLoss(
      tf.tensor2d(student),
      tf.tensor2d(teacher),
      tf.tensor1d(labels, 'int32'),
      temperature,
      alpha,
    );
    return {
      total: terms.total.dataSync()[0],
      hard: terms.hard.dataSync()[0],
      soft: terms.soft.dataSync()[0],
    };
  });
}

/** d/dz_s of the chosen term of kdLoss, as nested arrays. */
function studentGradient(
  term: keyof TermValues,
  temperature: number,
  alpha: number,
  labels = LABELS,
): number[][] {
  return tf.tidy(() => {
    const teacher = tf.tensor2d(TEACHER);
    const y = tf.tensor1d(labels, 'int32');
    const g = tf.grad(
      (s: tf.Tensor) => kdLoss(s as tf.Tensor2D, teacher, y, temperature, alpha)[term],
    );
    return g(tf.tensor2d(STUDENT)).arraySync() as number[][];
  });
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('kdLoss values', () => {
  // In float32, Σ p (log p − log q) sums terms of size ~1/T that cancel down to a KL of size ~1/T²,
  // so the soft term's relative error grows about T-fold: measured 1e-6 at T = 4, 1.2e-5 at T = 10.
  for (const [temperature, alpha, softRel] of [
    [1, 0.5, 1e-5],
    [2, 0.3, 1e-5],
    [4, 0.7, 1e-5],
    [10, 0.1, 5e-5],
  ]) {
    it(`matches an independent float64 computation for a 3 × 4 batch at T = ${temperature}, α = ${alpha}`, () => {
      const expected = naiveKdTerms(STUDENT, TEACHER, LABELS, temperature, alpha);
      const actual = kdLossValues(STUDENT, TEACHER, LABELS, temperature, alpha);
      expectClose(actual.hard, expected.hard, 1e-5);
      expectClose(actual.soft, expected.soft, softRel);
      expectClose(actual.total, expected.total, softRel);
      expectClose(actual.total, actual.hard + actual.soft, 1e-6);
    });
  }

  it('has a hard term of exactly 0 at α = 0 and never reads the labels, even invalid ones', () => {
    const actual = kdLossValues(STUDENT, TEACHER, [-7, 1000, 42], 3, 0);
    expect(actual.hard).toBe(0);
    expect(actual.total).toBe(actual.soft);
    expectClose(actual.soft, naiveKdTerms(STUDENT, TEACHER, LABELS, 3, 0).soft, 1e-5);

    const withoutLabels = tf.tidy(
      () =>
        kdLoss(
          tf.tensor2d(STUDENT),
          tf.tensor2d(TEACHER),
          tf.tensor1d([], 'int32'),
          3,
          0,
        ).hard.dataSync()[0],
    );
    expect(withoutLabels).toBe(0);
  });

  it('has a soft term of exactly 0 at α = 1, leaving the plain cross-entropy', () => {
    const actual = kdLossValues(STUDENT, TEACHER, LABELS, 3, 1);
    expect(actual.soft).toBe(0);
    expect(actual.total).toBe(actual.hard);
    expectClose(actual.hard, naiveKdTerms(STUDENT, TEACHER, LABELS, 3, 1).crossEntropy, 1e-5);
  });

  it('weights the KL by (1 − α) · T², so soft / ((1 − α) · KL) is T²', () => {
    const alpha = 0.25;
    for (const temperature of [1, 2, 3, 8]) {
      const { kl } = naiveKdTerms(STUDENT, TEACHER, LABELS, temperature, alpha);
      const { soft } = kdLossValues(STUDENT, TEACHER, LABELS, temperature, alpha);
      expectClose(soft / ((1 - alpha) * kl), temperature * temperature, 1e-5);
    }
  });

  it('multiplies the soft term by k² when both logit sets and T are multiplied by k', () => {
    // softmax(k·z / (k·T)) = softmax(z / T): the KL is unchanged, only the T² factor moves
    const scale = (rows: number[][], k: number): number[][] => rows.map((r) => r.map((v) => v * k));
    const base = kdLossValues(STUDENT, TEACHER, LABELS, 1, 0.4).soft;
    for (const k of [2, 5, 10]) {
      const scaled = kdLossValues(scale(STUDENT, k), scale(TEACHER, k), LABELS, k, 0.4).soft;
      expectClose(scaled, k * k * base, 1e-5);
    }
  });

  it('tends to half the zero-meaned logit MSE as T grows (the logit-matching limit)', () => {
    const halfMse = 0.5 * logitMatchingMse(STUDENT.flat(), TEACHER.flat(), N, C);
    const gap = (t: number): number =>
      Math.abs(kdLossValues(STUDENT, TEACHER, LABELS, t, 0).soft / halfMse - 1);
    const gaps = [5, 20, 50].map(gap);
    expect(gaps[1]).toBeLessThan(gaps[0]);
    expect(gaps[2]).toBeLessThan(gaps[1]);
    // the correction is O(|z| / T)
    expect(gaps[2]).toBeLessThan(0.05);
  });

  it('gives a KL of 0 within 1e-6 for identical logits, extreme ones included, at T = 1 and 50', () => {
    const extreme = [
      [100, -100, -100, 0],
      [-100, 100, 50, -50],
      [0.5, -0.25, 3, 1],
    ];
    for (const logits of [STUDENT, extreme]) {
      for (const temperature of [1, 50]) {
        const { soft } = kdLossValues(logits, logits, LABELS, temperature, 0);
        expect(Math.abs(soft)).toBeLessThanOrEqual(1e-6);
      }
    }
  });
});

describe('kdLoss stability', () => {
  const saturatedTeacher = [
    [100, -100, -100],
    [-100, 100, -100],
  ];
  const saturatedStudent = [
    [-100, 100, -100],
    [-100, -100, 100],
  ];

  it('gives CE = KL = 200 for one-hot-ish teacher and student that disagree at ±100, T = 1', () => {
    // −log q_y = 200 + log(1 + 2e−200); KL = Σ p (log p − log q) ≈ 1 · (0 − (−200))
    const actual = kdLossValues(saturatedStudent, saturatedTeacher, [0, 1], 1, 0.5);
    expectClose(actual.hard, 0.5 * 200, 1e-6);
    expectClose(actual.soft, 0.5 * 200, 1e-6);
    expectClose(actual.total, 200, 1e-6);
  });

  it('matches the float64 reference for the same ±100 logits at T = 50', () => {
    const expected = naiveKdTerms(saturatedStudent, saturatedTeacher, [0, 1], 50, 0.5);
    const actual = kdLossValues(saturatedStudent, saturatedTeacher, [0, 1], 50, 0.5);
    expectClose(actual.soft, expected.soft, 1e-5);
    expectClose(actual.hard, expected.hard, 1e-5);
  });

  it('keeps every term and gradient finite for logits of ±100 at T = 1, 10 and 50', () => {
    const student = tf.tensor2d([
      [100, -100, 0, 100],
      [-100, -100, -100, 100],
    ]);
    const teacher = tf.tensor2d([
      [-100, 100, 100, 0],
      [100, -100, -100, -100],
    ]);
    const labels = tf.tensor1d([1, 0], 'int32');
    for (const temperature of [1, 10, 50]) {
      for (const alpha of [0, 0.5, 1]) {
        const values = tf.tidy(() => {
          const terms = kdLoss(student, teacher, labels, temperature, alpha);
          const gradient = tf.grad(
            (s: tf.Tensor) => kdLoss(s as tf.Tensor2D, teacher, labels, temperature, alpha).total,
          )(student);
          return [terms.total, terms.hard, terms.soft, gradient].flatMap((t) =>
            Array.from(t.dataSync()),
          );
        });
        for (const v of values) expect(Number.isFinite(v)).toBe(true);
      }
    }
    tf.dispose([student, teacher, labels]);
  });
});

describe('kdLoss gradients', () => {
  for (const temperature of [1, 4, 20]) {
    for (const alpha of [0, 0.3, 0.9]) {
      it(`has a soft-term gradient of (1 − α) · T · (q − p) / N at T = ${temperature}, α = ${alpha}`, () => {
        const actual = studentGradient('soft', temperature, alpha);
        for (let n = 0; n < N; n++) {
          const q = naiveSoftmax(STUDENT[n], temperature);
          const p = naiveSoftmax(TEACHER[n], temperature);
          const expected = q.map((qi, i) => ((1 - alpha) * temperature * (qi - p[i])) / N);
          expectAllClose(actual[n], expected, 1e-4, 1e-5);
        }
      });
    }
  }

  for (const alpha of [0.3, 1]) {
    it(`has a hard-term gradient of α · (softmax(z_s) − onehot(y)) / N at α = ${alpha}`, () => {
      const actual = studentGradient('hard', 4, alpha);
      for (let n = 0; n < N; n++) {
        const q = naiveSoftmax(STUDENT[n], 1);
        const expected = q.map((qi, i) => (alpha * (qi - (i === LABELS[n] ? 1 : 0))) / N);
        expectAllClose(actual[n], expected, 1e-4, 1e-6);
      }
    });
  }

  it('sends no gradient into the teacher logits', () => {
    const [, teacherGradient] = tf.tidy(() => {
      const y = tf.tensor1d(LABELS, 'int32');
      const g = tf.grads(
        (s: tf.Tensor, t: tf.Tensor) => kdLoss(s as tf.Tensor2D, t as tf.Tensor2D, y, 4, 0.3).total,
      );
      return g([tf.tensor2d(STUDENT), tf.tensor2d(TEACHER)]).map(
        (t) => t.arraySync() as number[][],
      );
    });
    for (const row of teacherGradient) for (const v of row) expect(v).toBe(0);
  });
});

describe('kdLoss memory', () => {
  it('leaves the tensor count unchanged when called inside tf.tidy and its outputs are disposed', () => {
    const student = tf.tensor2d(STUDENT);
    const teacher = tf.tensor2d(TEACHER);
    const labels = tf.tensor1d(LABELS, 'int32');
    const before = tf.memory().numTensors;
    for (const alpha of [0, 0.5, 1]) {
      const outputs = tf.tidy(() => {
        const terms = kdLoss(student, teacher, labels, 3, alpha);
        return [terms.total, terms.hard, terms.soft];
      });
      tf.dispose(outputs);
    }
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([student, teacher, labels]);
  });

  it('adds exactly its three returned scalars when called outside tf.tidy', () => {
    const student = tf.tensor2d(STUDENT);
    const teacher = tf.tensor2d(TEACHER);
    const labels = tf.tensor1d(LABELS, 'int32');
    for (const alpha of [0, 0.5, 1]) {
      const before = tf.memory().numTensors;
      const terms = kdLoss(student, teacher, labels, 3, alpha);
      expect(tf.memory().numTensors).toBe(before + 3);
      tf.dispose([terms.total, terms.hard, terms.soft]);
      expect(tf.memory().numTensors).toBe(before);
    }
    const before = tf.memory().numTensors;
    hardLabelLoss(student, labels).dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([student, teacher, labels]);
  });
});

describe('kdLoss arguments', () => {
  it('rejects T ≤ 0, α outside [0, 1] and mismatched shapes', () => {
    const student = tf.tensor2d(STUDENT);
    const teacher = tf.tensor2d(TEACHER);
    const labels = tf.tensor1d(LABELS, 'int32');
    expect(() => kdLoss(student, teacher, labels, 0, 0.5)).toThrow(RangeError);
    expect(() => kdLoss(student, teacher, labels, 2, -0.1)).toThrow(RangeError);
    expect(() => kdLoss(student, teacher, labels, 2, 1.1)).toThrow(RangeError);
    expect(() => kdLoss(student, teacher.slice([0, 0], [2, 4]), labels, 2, 0.5)).toThrow(
      RangeError,
    );
    expect(() => kdLoss(student, teacher, labels.slice(0, 2), 2, 0.5)).toThrow(RangeError);
    tf.dispose([student, teacher, labels]);
  });
});

describe('hardLabelLoss', () => {
  it('is the mean cross-entropy of the float64 reference and equals kdLoss at α = 1', () => {
    const expected = naiveKdTerms(STUDENT, TEACHER, LABELS, 1, 1).crossEntropy;
    const [fromHard, fromKd] = tf.tidy(() => {
      const s = tf.tensor2d(STUDENT);
      const y = tf.tensor1d(LABELS, 'int32');
      return [
        hardLabelLoss(s, y).dataSync()[0],
        kdLoss(s, tf.tensor2d(TEACHER), y, 5, 1).total.dataSync()[0],
      ];
    });
    expectClose(fromHard, expected, 1e-5);
    expect(fromKd).toBe(fromHard);
  });

  it('gives CE ≈ 0 and stays finite when the right logit leads by 200', () => {
    const value = tf.tidy(
      () =>
        hardLabelLoss(tf.tensor2d([[100, -100, -100]]), tf.tensor1d([0], 'int32')).dataSync()[0],
    );
    expect(Number.isFinite(value)).toBe(true);
    expect(Math.abs(value)).toBeLessThanOrEqual(1e-6);
  });
});
