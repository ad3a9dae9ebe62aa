import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { ObjectiveBatch } from './objective.ts';
import { termGradientNorms } from './gradientNorms.ts';
import { objectiveById } from './objectives.ts';
import { expectClose } from './expectClose.testutil.ts';
import { naiveSoftmax } from './naiveReference.testutil.ts';
import { BACKENDS, useBackend } from './backends.testutil.ts';
import { LABELS, N, STUDENT, TEACHER } from './logitsFixture.testutil.ts';

const STUDENT_HINT = [
  [1.5, 0.0],
  [-1.0, 4.0],
  [0.5, 0.5],
];
const TEACHER_HINT = [
  [1.0, 1.0],
  [-1.0, 1.0],
  [2.0, -1.0],
];

const norm = (v: number[]) => Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));

function makeBatch(): ObjectiveBatch {
  return {
    studentLogits: tf.tensor2d(STUDENT),
    teacherLogits: tf.tensor2d(TEACHER),
    labels: tf.tensor1d(LABELS, 'int32'),
    studentHint: tf.tensor2d(STUDENT_HINT),
    teacherHint: tf.tensor2d(TEACHER_HINT),
  };
}

/** termGradientNorms on a fresh batch, checking that it leaves no tensor behind. */
function norms(id: Parameters<typeof objectiveById>[0], temperature: number, alpha: number) {
  const batch = makeBatch();
  const before = tf.memory().numTensors;
  const result = termGradientNorms(objectiveById(id), batch, { temperature, alpha }, {});
  expect(tf.memory().numTensors).toBe(before);
  tf.dispose(Object.values(batch));
  return result;
}

describe.each(BACKENDS)('termGradientNorms on the %s backend', (backend) => {
  useBackend(backend);

  it.each([
    [1, 0.5],
    [4, 0.3],
    [10, 0.9],
  ])('Hinton KD at T = %d, α = %s: ‖α(σ(z_s) − y)/N‖ and ‖(1 − α)T(q − p)/N‖', (t, alpha) => {
    const hard = STUDENT.flatMap((row, n) =>
      naiveSoftmax(row, 1).map((s, i) => (alpha * (s - (i === LABELS[n] ? 1 : 0))) / N),
    );
    const soft = STUDENT.flatMap((row, n) => {
      const p = naiveSoftmax(TEACHER[n], t);
      return naiveSoftmax(row, t).map((q, i) => ((1 - alpha) * t * (q - p[i])) / N);
    });
    const [hardNorm, softNorm] = norms('hinton', t, alpha);
    expectClose(hardNorm, norm(hard), 1e-5);
    expectClose(softNorm, norm(soft), 1e-4);
  });

  it('a term that does not depend on the logits has norm 0 (hard term at α = 0)', () => {
    const [hardNorm, softNorm] = norms('hinton', 2, 0);
    expect(hardNorm).toBe(0);
    expect(softNorm).toBeGreaterThan(0);
  });

  it('soft-target CE pulls exactly as Hinton KD; DKD gives one norm per term', () => {
    const hinton = norms('hinton', 3, 0.4);
    const softCe = norms('soft-ce', 3, 0.4);
    expectClose(softCe[0], hinton[0], 1e-6);
    expectClose(softCe[1], hinton[1], 1e-4);
    const dkd = norms('dkd', 3, 0.4);
    expect(dkd.length).toBe(3);
    expectClose(dkd[0], hinton[0], 1e-6);
    for (const v of dkd) expect(v).toBeGreaterThan(0);
  });

  it('for the hint, differentiates with respect to studentHint: ‖2β(s − t)/(N·U)‖', () => {
    const batch = makeBatch();
    const before = tf.memory().numTensors;
    const [hintNorm] = termGradientNorms(
      objectiveById('hint'),
      batch,
      { temperature: 1, alpha: 0 },
      { hintWeight: 2 },
    );
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(Object.values(batch));
    const byHand = STUDENT_HINT.flatMap((row, n) =>
      row.map((s, u) => (2 * 2 * (s - TEACHER_HINT[n][u])) / (N * 2)),
    );
    expectClose(hintNorm, norm(byHand), 1e-5);
  });
});
