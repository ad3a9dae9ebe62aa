import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { logitMatchingMse } from './logitMatching.ts';
import { logitMatchingLoss } from './logitMatchingLoss.ts';
import { expectAllClose, expectClose } from './expectClose.testutil.ts';

// Row 1: s − mean = [−1, 0, 1], t − mean = [−1, −1, 2], squared gaps 0 + 1 + 1 = 2.
// Row 2: s − mean = [0, 0, 0],  t − mean = [−2, −2, 4], squared gaps 4 + 4 + 16 = 24.
// MSE = (2 + 24) / 6 = 13/3.
const STUDENT = [1, 2, 3, 4, 4, 4];
const TEACHER = [0, 0, 3, 0, 0, 6];
const HAND_MSE = 13 / 3;

function lossOnTensors(
  student: number[],
  teacher: number[],
  rows: number,
  classes: number,
): number {
  return tf.tidy(
    () =>
      logitMatchingLoss(
        tf.tensor2d(student, [rows, classes]),
        tf.tensor2d(teacher, [rows, classes]),
      ).dataSync()[0],
  );
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('logitMatchingMse', () => {
  it('gives 13/3 for a 2 × 3 example worked by hand', () => {
    expectClose(logitMatchingMse(STUDENT, TEACHER, 2, 3), HAND_MSE, 1e-14, 0);
  });

  it('is unchanged when a constant is added to one row of either side', () => {
    const shiftedStudent = [...STUDENT.slice(0, 3), ...STUDENT.slice(3).map((v) => v - 7.5)];
    const shiftedTeacher = [...TEACHER.slice(0, 3).map((v) => v + 100), ...TEACHER.slice(3)];
    expectClose(logitMatchingMse(shiftedStudent, shiftedTeacher, 2, 3), HAND_MSE, 1e-12, 0);
  });

  it('is 0 when the rows differ only by a constant', () => {
    expect(logitMatchingMse([1, 2, 3], [11, 12, 13], 1, 3)).toBe(0);
  });

  it('rejects arrays whose length is not rows × classes', () => {
    expect(() => logitMatchingMse(STUDENT, TEACHER.slice(1), 2, 3)).toThrow(RangeError);
  });
});

describe('logitMatchingLoss', () => {
  it('agrees with the hand value and with logitMatchingMse', () => {
    expectClose(lossOnTensors(STUDENT, TEACHER, 2, 3), HAND_MSE, 1e-6);
    const student = [0.3, -1.2, 2.2, 0.0, 1.1, -0.4, 0.9, 0.2];
    const teacher = [1.5, -0.7, 0.1, 2.4, -2.0, 0.6, 1.3, -0.9];
    expectClose(
      lossOnTensors(student, teacher, 2, 4),
      logitMatchingMse(student, teacher, 2, 4),
      1e-6,
    );
  });

  it('is unchanged when a constant is added to one row', () => {
    const shifted = [...STUDENT.slice(0, 3).map((v) => v + 42), ...STUDENT.slice(3)];
    expectClose(lossOnTensors(shifted, TEACHER, 2, 3), HAND_MSE, 1e-6);
  });

  it('has gradient 2 · (centered student − teacher gap) / (rows · classes) and none into the teacher', () => {
    // L = mean(c²) with c = P(s − t), P the row-centering projection; P is symmetric and Pc = c
    const centeredGap = [-1 - -1, 0 - -1, 1 - 2, 0 - -2, 0 - -2, 0 - 4];
    const [studentGradient, teacherGradient] = tf.tidy(() => {
      const g = tf.grads((s: tf.Tensor, t: tf.Tensor) =>
        logitMatchingLoss(s as tf.Tensor2D, t as tf.Tensor2D),
      );
      return g([tf.tensor2d(STUDENT, [2, 3]), tf.tensor2d(TEACHER, [2, 3])]).map((t) =>
        Array.from(t.dataSync()),
      );
    });
    expectAllClose(
      studentGradient,
      centeredGap.map((c) => (2 * c) / 6),
      1e-6,
      1e-7,
    );
    for (const v of teacherGradient) expect(v).toBe(0);
  });

  it('creates only its returned scalar', () => {
    const student = tf.tensor2d(STUDENT, [2, 3]);
    const teacher = tf.tensor2d(TEACHER, [2, 3]);
    const before = tf.memory().numTensors;
    const loss = logitMatchingLoss(student, teacher);
    expect(tf.memory().numTensors).toBe(before + 1);
    tf.dispose([loss, student, teacher]);
  });
});
