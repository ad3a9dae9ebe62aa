import * as tf from '@tensorflow/tfjs';
import { stopGradient } from './stopGradient.ts';

/** logitMatchingMse (logitMatching.ts) on tensors; the teacher gets no gradient. */
export function logitMatchingLoss(student: tf.Tensor2D, teacher: tf.Tensor2D): tf.Scalar {
  const [s, t] = [student.shape, teacher.shape];
  if (s[0] !== t[0] || s[1] !== t[1]) {
    throw new RangeError(`student logits [${s.join(', ')}] ≠ teacher logits [${t.join(', ')}]`);
  }
  return tf.tidy(() => {
    const difference = tf.sub(student, stopGradient(teacher));
    const centered = tf.sub(difference, tf.mean(difference, 1, true));
    return tf.mean<tf.Scalar>(tf.square(centered));
  });
}
