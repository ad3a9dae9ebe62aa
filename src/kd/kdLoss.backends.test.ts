import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { hardLabelLoss, kdLoss } from './kdLoss.ts';
import { expectClose } from './expectClose.testutil.ts';
import { naiveKdTerms, naiveSoftmax } from './naiveReference.testutil.ts';

const STUDENT = [
  [1.0, -0.5, 0.3, 2.0],
  [0.2, 0.1, -1.2, 0.7],
];
const TEACHER = [
  [2.5, -1.0, 0.0, 1.0],
  [-0.3, 0.8, -2.0, 1.9],
];
const LABELS = [3, 1];

// The app trains on WASM, whose kernels differ from the CPU backend's (its OneHot once ignored
// the dtype and wrote int32 bits into a float tensor, making every CE ≈ 1e-45).
describe.each(['cpu', 'wasm'])('on the %s backend', (backend) => {
  it('kdLoss and hardLabelLoss match the float64 reference', async () => {
    expect(await tf.setBackend(backend)).toBe(true);
    const expected = naiveKdTerms(STUDENT, TEACHER, LABELS, 3, 0.4);
    const [hard, soft, ce] = tf.tidy(() => {
      const s = tf.tensor2d(STUDENT);
      const y = tf.tensor1d(LABELS, 'int32');
      const terms = kdLoss(s, tf.tensor2d(TEACHER), y, 3, 0.4);
      return [
        terms.hard.dataSync()[0],
        terms.soft.dataSync()[0],
        hardLabelLoss(s, y).dataSync()[0],
      ];
    });
    expectClose(hard, expected.hard, 1e-5);
    expectClose(soft, expected.soft, 1e-5);
    expectClose(ce, naiveKdTerms(STUDENT, TEACHER, LABELS, 1, 1).crossEntropy, 1e-5);
  });

  it('the hard-term gradient is α · (softmax(z_s) − onehot(y)) / N', async () => {
    expect(await tf.setBackend(backend)).toBe(true);
    const alpha = 0.6;
    const grad = tf.tidy(() => {
      const y = tf.tensor1d(LABELS, 'int32');
      const g = tf.grad(
        (s: tf.Tensor) => kdLoss(s as tf.Tensor2D, tf.tensor2d(TEACHER), y, 2, alpha).hard,
      );
      return g(tf.tensor2d(STUDENT)).arraySync() as number[][];
    });
    STUDENT.forEach((row, n) => {
      const q = naiveSoftmax(row, 1);
      q.forEach((qi, i) =>
        expectClose(grad[n][i], (alpha * (qi - (i === LABELS[n] ? 1 : 0))) / STUDENT.length, 1e-5),
      );
    });
  });
});
