import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { ObjectiveParams } from '../objective.ts';
import { expectClose } from '../expectClose.testutil.ts';
import { naiveKl, naiveSoftmax } from '../naiveReference.testutil.ts';
import { BACKENDS, useBackend } from '../backends.testutil.ts';
import { STUDENT, TEACHER } from '../logitsFixture.testutil.ts';
import { decoupledKdObjective } from './decoupledKd.ts';
import { hintonObjective } from './hintonKd.ts';

/** The shared logits, with the third row labelled 0 rather than 1. */
const LABELS = [3, 1, 0];

/** The float64 decomposition of one row, straight from the definitions. */
function naiveParts(student: number[], teacher: number[], label: number, temperature: number) {
  const p = naiveSoftmax(teacher, temperature);
  const q = naiveSoftmax(student, temperature);
  const rest = (v: number[]) => v.filter((_, i) => i !== label);
  const renormalized = (v: number[]) => {
    const mass = rest(v).reduce((a, b) => a + b, 0);
    return rest(v).map((x) => x / mass);
  };
  return {
    kl: naiveKl(p, q),
    tckd: naiveKl([p[label], 1 - p[label]], [q[label], 1 - q[label]]),
    nckd: naiveKl(renormalized(p), renormalized(q)),
    teacherTarget: p[label],
  };
}

describe('KD = TCKD + (1 − p_t,target) · NCKD (Zhao et al. 2022, eq. 3), float64', () => {
  it.each([1, 2, 4, 10])('holds row by row at T = %d', (t) => {
    STUDENT.forEach((row, n) => {
      const parts = naiveParts(row, TEACHER[n], LABELS[n], t);
      expectClose(parts.kl, parts.tckd + (1 - parts.teacherTarget) * parts.nckd, 1e-12, 1e-15);
    });
  });
});

interface Case {
  student: number[][];
  teacher: number[][];
  labels: number[];
}

function termValues(
  { student, teacher, labels }: Case,
  temperature: number,
  alpha: number,
  params: ObjectiveParams,
): number[] {
  return tf.tidy(() =>
    decoupledKdObjective
      .terms(
        {
          studentLogits: tf.tensor2d(student),
          teacherLogits: tf.tensor2d(teacher),
          labels: tf.tensor1d(labels, 'int32'),
        },
        { temperature, alpha },
        params,
      )
      .map((term) => term.dataSync()[0]),
  );
}

// At T = 2: teacher row 1 → p = [1/2, 1/4, 1/4], row 2 → [1/5, 3/5, 1/5];
// student row 1 → q = [1/3, 1/3, 1/3], row 2 → [1/2, 1/4, 1/4]. Labels 1 and 2.
const HAND: Case = {
  student: [
    [0, 0, 0],
    [2 * Math.LN2, 0, 0],
  ],
  teacher: [
    [2 * Math.LN2, 0, 0],
    [0, 2 * Math.log(3), 0],
  ],
  labels: [1, 2],
};
// Row 1: b_t = [1/4, 3/4], b_s = [1/3, 2/3]; p̂_t = [2/3, 1/3], p̂_s = [1/2, 1/2] (classes 0, 2).
// Row 2: b_t = [1/5, 4/5], b_s = [1/4, 3/4]; p̂_t = [1/4, 3/4], p̂_s = [2/3, 1/3] (classes 0, 1).
const HAND_TCKD = [
  0.25 * Math.log(3 / 4) + 0.75 * Math.log(9 / 8),
  0.2 * Math.log(4 / 5) + 0.8 * Math.log(16 / 15),
];
const HAND_NCKD = [
  (2 / 3) * Math.log(4 / 3) + (1 / 3) * Math.log(2 / 3),
  0.25 * Math.log(3 / 8) + 0.75 * Math.log(9 / 4),
];
// CE at T = 1 (logits as given): row 1 softmax [1/3, 1/3, 1/3] → ln 3; row 2 [4/6, 1/6, 1/6] → ln 6.
const HAND_CE = (Math.log(3) + Math.log(6)) / 2;
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

describe.each(BACKENDS)('decoupled KD on the %s backend', (backend) => {
  useBackend(backend);

  it('has the catalog metadata: terms [hard, tckd, nckd]', () => {
    expect(decoupledKdObjective.id).toBe('dkd');
    expect(decoupledKdObjective.termNames).toEqual(['hard', 'tckd', 'nckd']);
  });

  it('the hand-computed 2 × 3 case agrees with the float64 definitions', () => {
    HAND.student.forEach((row, n) => {
      const parts = naiveParts(row, HAND.teacher[n], HAND.labels[n], 2);
      expectClose(parts.tckd, HAND_TCKD[n], 1e-12);
      expectClose(parts.nckd, HAND_NCKD[n], 1e-12);
    });
  });

  it('gives each term of the hand-computed 2 × 3 case (T = 2, α = 0.25, A = 1.5, B = 3)', () => {
    const [hard, tckd, nckd] = termValues(HAND, 2, 0.25, { dkdTarget: 1.5, dkdNonTarget: 3 });
    const scale = 0.75 * 4;
    expectClose(hard, 0.25 * HAND_CE, 1e-5);
    expectClose(tckd, scale * 1.5 * mean(HAND_TCKD), 1e-5);
    expectClose(nckd, scale * 3 * mean(HAND_NCKD), 1e-5);
  });

  it('defaults to A = 1, B = 8', () => {
    const [, tckd, nckd] = termValues(HAND, 2, 0.25, {});
    expectClose(tckd, 3 * mean(HAND_TCKD), 1e-5);
    expectClose(nckd, 3 * 8 * mean(HAND_NCKD), 1e-5);
  });

  it.each([1, 3, 8])(
    'at T = %d, row by row: Hinton soft (α = 0) = tckd + (1 − p_t,target) · nckd (A = B = 1)',
    (t) => {
      STUDENT.forEach((row, n) => {
        const single: Case = { student: [row], teacher: [TEACHER[n]], labels: [LABELS[n]] };
        const [, tckd, nckd] = termValues(single, t, 0, { dkdTarget: 1, dkdNonTarget: 1 });
        const hinton = tf.tidy(
          () =>
            hintonObjective
              .terms(
                {
                  studentLogits: tf.tensor2d([row]),
                  teacherLogits: tf.tensor2d([TEACHER[n]]),
                  labels: tf.tensor1d([LABELS[n]], 'int32'),
                },
                { temperature: t, alpha: 0 },
                {},
              )[1]
              .dataSync()[0],
        );
        // A KL of close float32 distributions cancels to ~1e-7 absolute, scaled here by T².
        const abs = t * t * 5e-7;
        const teacherTarget = naiveSoftmax(TEACHER[n], t)[LABELS[n]];
        expectClose(hinton, tckd + (1 - teacherTarget) * nckd, 1e-4, abs);
        const parts = naiveParts(row, TEACHER[n], LABELS[n], t);
        expectClose(tckd, t * t * parts.tckd, 1e-4, abs);
        expectClose(nckd, t * t * parts.nckd, 1e-4, abs);
      });
    },
  );

  it('stays finite, with finite gradients, when the student puts all its mass on the target', () => {
    const extreme: Case = {
      student: [
        [100, -100, -100, -100],
        [-100, 100, 100, -100],
      ],
      teacher: [
        [50, -50, 0, 10],
        [-100, 100, -100, 99],
      ],
      labels: [0, 1],
    };
    const values = termValues(extreme, 1, 0.5, {});
    for (const v of values) expect(Number.isFinite(v)).toBe(true);
    const gradient = tf.tidy(() => {
      const labels = tf.tensor1d(extreme.labels, 'int32');
      const teacherLogits = tf.tensor2d(extreme.teacher);
      const g = tf.grad((s: tf.Tensor) => {
        const [hard, tckd, nckd] = decoupledKdObjective.terms(
          { studentLogits: s as tf.Tensor2D, teacherLogits, labels },
          { temperature: 1, alpha: 0.5 },
          {},
        );
        return tf.addN([hard, tckd, nckd]);
      });
      return Array.from(g(tf.tensor2d(extreme.student)).dataSync());
    });
    for (const v of gradient) expect(Number.isFinite(v)).toBe(true);
  });

  it('at α = 1 the distillation terms are exactly 0; the teacher gets no gradient', () => {
    const [, tckd, nckd] = termValues(HAND, 2, 1, {});
    expect(tckd).toBe(0);
    expect(nckd).toBe(0);
    const teacherGradient = tf.tidy(() => {
      const studentLogits = tf.tensor2d(HAND.student);
      const labels = tf.tensor1d(HAND.labels, 'int32');
      const g = tf.grad((t: tf.Tensor) => {
        const terms = decoupledKdObjective.terms(
          { studentLogits, teacherLogits: t as tf.Tensor2D, labels },
          { temperature: 2, alpha: 0.5 },
          {},
        );
        return tf.addN(terms);
      });
      return Array.from(g(tf.tensor2d(HAND.teacher)).dataSync());
    });
    for (const v of teacherGradient) expect(v).toBe(0);
  });

  it('creates only its returned scalars, and rejects bad weights and a missing teacher', () => {
    const batch = {
      studentLogits: tf.tensor2d(HAND.student),
      teacherLogits: tf.tensor2d(HAND.teacher),
      labels: tf.tensor1d(HAND.labels, 'int32'),
    };
    const hyper = { temperature: 2, alpha: 0.5 };
    const before = tf.memory().numTensors;
    const terms = decoupledKdObjective.terms(batch, hyper, {});
    expect(tf.memory().numTensors).toBe(before + terms.length);
    expect(() => decoupledKdObjective.terms(batch, hyper, { dkdNonTarget: -1 })).toThrow(
      RangeError,
    );
    expect(() =>
      decoupledKdObjective.terms({ ...batch, teacherLogits: undefined }, hyper, {}),
    ).toThrow(/teacherLogits/);
    const oneLabel = tf.tensor1d([0], 'int32');
    expect(() => decoupledKdObjective.terms({ ...batch, labels: oneLabel }, hyper, {})).toThrow(
      RangeError,
    );
    tf.dispose([...terms, oneLabel, batch.studentLogits, batch.teacherLogits, batch.labels]);
    expect(tf.memory().numTensors).toBe(before - 3);
  });
});
