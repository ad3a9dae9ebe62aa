/** Fixed numbers for the exported scripts' loss, and our tfjs loss on them (the reference). */
import * as tf from '@tensorflow/tfjs';
import { beforeAll } from 'vitest';
import { kdLoss } from '../kd/kdLoss.ts';
import { logitMatchingLoss } from '../kd/logitMatchingLoss.ts';

/** Our losses run on the cpu backend. */
export function onCpuBackend(): void {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
}

// Three examples, four classes, written out: T = 3, α = 0.25.
export const STUDENT = [
  [1.0, -0.5, 2.0, 0.3],
  [0.2, 0.1, -1.0, 3.0],
  [-2.0, 0.5, 0.5, 1.5],
];
export const TEACHER = [
  [4.0, -1.0, 6.0, 0.0],
  [0.0, 1.0, -3.0, 7.0],
  [-5.0, 2.0, 1.0, 2.5],
];
export const LABELS = [2, 3, 3];
export const T = 3;
export const ALPHA = 0.25;

/** Ours: the engine's tfjs code for each objective. */
export function ourLoss(objective: 'hinton' | 'soft-ce' | 'logit-mse'): number {
  return tf.tidy(() => {
    const zs = tf.tensor2d(STUDENT);
    const zt = tf.tensor2d(TEACHER);
    const y = tf.tensor1d(LABELS, 'int32');
    if (objective === 'hinton') return kdLoss(zs, zt, y, T, ALPHA).total.dataSync()[0];
    const hard = kdLoss(zs, zt, y, T, 1).total.dataSync()[0] * ALPHA;
    if (objective === 'logit-mse')
      return hard + (1 - ALPHA) * logitMatchingLoss(zs, zt).dataSync()[0];
    // Soft-target CE = KL + the teacher's entropy at T (Hinton et al. 2015), written by hand.
    let ce = 0;
    TEACHER.forEach((row, n) => {
      const p = softmax(row.map((v) => v / T));
      const logQ = logSoftmax(STUDENT[n].map((v) => v / T));
      ce -= p.reduce((s, pi, i) => s + pi * logQ[i], 0);
    });
    return hard + (1 - ALPHA) * T * T * (ce / TEACHER.length);
  });
}
const logSoftmax = (z: number[]) => {
  const m = Math.max(...z);
  const lse = m + Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0));
  return z.map((v) => v - lse);
};
const softmax = (z: number[]) => logSoftmax(z).map(Math.exp);

/** The numbers as the scripts' `--check-loss` reads them. */
export const LOSS_NUMBERS = { student: STUDENT, teacher: TEACHER, labels: LABELS, T, alpha: ALPHA };
