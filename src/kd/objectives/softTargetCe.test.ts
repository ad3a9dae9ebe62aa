import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { ObjectiveBatch } from '../objective.ts';
import { expectAllClose, expectClose } from '../expectClose.testutil.ts';
import { naiveKdTerms, naiveSoftmax } from '../naiveReference.testutil.ts';
import { BACKENDS, useBackend } from '../backends.testutil.ts';
import { LABELS, N, STUDENT, TEACHER } from '../logitsFixture.testutil.ts';
import { hintonObjective } from './hintonKd.ts';
import { softTargetCeObjective } from './softTargetCe.ts';

/** mean_n H(softmax(z_t/T)) = mean_n −Σ_i p_i log p_i, in float64. */
function meanTeacherEntropy(temperature: number): number {
  let entropy = 0;
  for (const row of TEACHER) {
    for (const p of naiveSoftmax(row, temperature)) entropy -= (p * Math.log(p)) / N;
  }
  return entropy;
}

function batchOf(student: tf.Tensor2D, labels = LABELS): ObjectiveBatch {
  return {
    studentLogits: student,
    teacherLogits: tf.tensor2d(TEACHER),
    labels: tf.tensor1d(labels, 'int32'),
  };
}

function termValues(temperature: number, alpha: number, labels = LABELS): number[] {
  return tf.tidy(() =>
    softTargetCeObjective
      .terms(batchOf(tf.tensor2d(STUDENT), labels), { temperature, alpha }, {})
      .map((term) => term.dataSync()[0]),
  );
}

/** d(term)/d(student logits) of one objective's term at index `term`, as rows. */
function studentGradient(
  objective: typeof hintonObjective,
  term: number,
  temperature: number,
  alpha: number,
): number[][] {
  return tf.tidy(() => {
    const batch = batchOf(tf.tensor2d(STUDENT));
    const g = tf.grad(
      (s: tf.Tensor) =>
        objective.terms({ ...batch, studentLogits: s as tf.Tensor2D }, { temperature, alpha }, {})[
          term
        ],
    );
    return g(batch.studentLogits).arraySync() as number[][];
  });
}

describe.each(BACKENDS)('soft-target CE on the %s backend', (backend) => {
  useBackend(backend);

  it('has the catalog metadata: terms [hard, soft]', () => {
    expect(softTargetCeObjective.id).toBe('soft-ce');
    expect(softTargetCeObjective.termNames).toEqual(['hard', 'soft']);
  });

  it.each([
    [1, 0.5],
    [3, 0.4],
    [8, 0],
  ])('at T = %d, α = %s: soft = KL value + T²(1 − α)·mean teacher entropy', (t, alpha) => {
    const expected = naiveKdTerms(STUDENT, TEACHER, LABELS, t, alpha);
    const [hard, soft] = termValues(t, alpha);
    expectClose(hard, expected.hard, 1e-5);
    expectClose(soft, expected.soft + t * t * (1 - alpha) * meanTeacherEntropy(t), 1e-5);
  });

  it('at α = 0 the hard term is exactly 0 and the labels are not read', () => {
    const [hard, soft] = termValues(2, 0, []); // no labels at all: hardLabelLoss would throw
    expect(hard).toBe(0);
    expect(soft).toBeGreaterThan(0);
  });

  it('at α = 1 the soft term is exactly 0', () => {
    const [hard, soft] = termValues(2, 1);
    expectClose(hard, naiveKdTerms(STUDENT, TEACHER, LABELS, 1, 1).crossEntropy, 1e-5);
    expect(soft).toBe(0);
  });

  it.each([1, 4, 20])(
    'at T = %d its soft gradient is Hinton’s, (1 − α)·T·(q − p)/N, and none reaches the teacher',
    (t) => {
      const alpha = 0.3;
      const ours = studentGradient(softTargetCeObjective, 1, t, alpha);
      const hinton = studentGradient(hintonObjective, 1, t, alpha);
      expectAllClose(ours.flat(), hinton.flat(), 1e-4, 1e-7);
      STUDENT.forEach((row, n) => {
        const q = naiveSoftmax(row, t);
        const p = naiveSoftmax(TEACHER[n], t);
        const byHand = q.map((qi, i) => ((1 - alpha) * t * (qi - p[i])) / N);
        expectAllClose(ours[n], byHand, 1e-4, 1e-7);
      });
      const teacherGradient = tf.tidy(() => {
        const g = tf.grad((teacher: tf.Tensor) => {
          const batch = { ...batchOf(tf.tensor2d(STUDENT)), teacherLogits: teacher as tf.Tensor2D };
          return softTargetCeObjective.terms(batch, { temperature: t, alpha }, {})[1];
        });
        return Array.from(g(tf.tensor2d(TEACHER)).dataSync());
      });
      for (const v of teacherGradient) expect(v).toBe(0);
    },
  );

  it('creates only its returned scalars', () => {
    const batch = batchOf(tf.tensor2d(STUDENT));
    const before = tf.memory().numTensors;
    const terms = softTargetCeObjective.terms(batch, { temperature: 3, alpha: 0.5 }, {});
    expect(tf.memory().numTensors).toBe(before + terms.length);
    tf.dispose([...terms, batch.studentLogits, batch.teacherLogits!, batch.labels]);
  });

  it('rejects a missing teacher, mismatched shapes and a bad T or α', () => {
    tf.tidy(() => {
      const batch = batchOf(tf.tensor2d(STUDENT));
      const hyper = { temperature: 2, alpha: 0.5 };
      expect(() =>
        softTargetCeObjective.terms({ ...batch, teacherLogits: undefined }, hyper, {}),
      ).toThrow(/teacherLogits/);
      expect(() =>
        softTargetCeObjective.terms(
          { ...batch, teacherLogits: tf.tensor2d(TEACHER.slice(1)) },
          hyper,
          {},
        ),
      ).toThrow(RangeError);
      expect(() => softTargetCeObjective.terms(batch, { temperature: 0, alpha: 0.5 }, {})).toThrow(
        RangeError,
      );
      expect(() => softTargetCeObjective.terms(batch, { temperature: 2, alpha: 1.5 }, {})).toThrow(
        RangeError,
      );
    });
  });
});
