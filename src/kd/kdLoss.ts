/**
 * The distillation loss, on tensors, for the training loop:
 *
 *   L = α · CE(y, softmax(z_s)) + (1 − α) · T² · KL(softmax(z_t/T) ‖ softmax(z_s/T))
 *
 * CE and KL are summed over classes and averaged over the batch. The T² keeps the soft term's
 * gradient, (1 − α) · T · (q − p) / N, on the same scale as the hard term's as T changes
 * (Hinton et al., 2015). Everything goes through log-softmax, so it stays finite for T in [1, 50]
 * and logits up to ±100. T and α are plain numbers: they only enter as scalar operands, so changing
 * them every batch builds no new kernels.
 */
import * as tf from '@tensorflow/tfjs';
import { stopGradient } from './stopGradient.ts';
import { assertAlpha, assertTemperature } from './validation.ts';

export interface KdLossTerms {
  /** hard + soft. */
  total: tf.Scalar;
  /** α · CE(y, softmax(z_s)), already weighted. */
  hard: tf.Scalar;
  /** (1 − α) · T² · KL(p ‖ q), already weighted. */
  soft: tf.Scalar;
}

/** CE = mean_n −log softmax(z_n)_{y_n}. Labels outside [0, classes) contribute 0 (tf.oneHot gives a zero row). */
function meanCrossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  const classes = logits.shape[1];
  // oneHot's dtype argument is ignored by the WASM kernel (it writes int32 bits into a float32
  // tensor: 1 reads as 1.4e-45), so build it as int32 and cast.
  const oneHot = tf.cast(tf.oneHot(labels, classes), 'float32');
  const logProbs = tf.logSoftmax(logits);
  return tf.neg(tf.mean<tf.Scalar>(tf.sum(tf.mul(oneHot, logProbs), 1)));
}

/**
 * KL = mean_n Σ_i p_i (log p_i − log q_i), with p = softmax(z_t/T), q = softmax(z_s/T).
 * Working from log-probabilities keeps every factor finite; where p_i underflows to 0 its term is 0.
 */
function meanKlAtTemperature(
  studentLogits: tf.Tensor2D,
  teacherLogits: tf.Tensor2D,
  temperature: number,
): tf.Scalar {
  const logP = tf.logSoftmax(tf.div<tf.Tensor2D>(stopGradient(teacherLogits), temperature));
  const logQ = tf.logSoftmax(tf.div<tf.Tensor2D>(studentLogits, temperature));
  return tf.mean(tf.sum(tf.mul(tf.exp(logP), tf.sub(logP, logQ)), 1));
}

function assertBatchShapes(studentLogits: tf.Tensor2D, teacherLogits: tf.Tensor2D): void {
  const [s, t] = [studentLogits.shape, teacherLogits.shape];
  if (s[0] !== t[0] || s[1] !== t[1]) {
    throw new RangeError(`student logits [${s.join(', ')}] ≠ teacher logits [${t.join(', ')}]`);
  }
}

function assertLabelCount(logits: tf.Tensor2D, labels: tf.Tensor1D): void {
  if (labels.shape[0] !== logits.shape[0]) {
    throw new RangeError(`${labels.shape[0]} labels for a batch of ${logits.shape[0]}`);
  }
}

/**
 * Hard and soft terms of the distillation loss and their sum. At α = 0 the hard term is exactly 0
 * and the labels are never read (unlabeled transfer set); at α = 1 the soft term is exactly 0.
 */
export function kdLoss(
  studentLogits: tf.Tensor2D,
  teacherLogits: tf.Tensor2D,
  labels: tf.Tensor1D,
  temperature: number,
  alpha: number,
): KdLossTerms {
  assertTemperature(temperature);
  assertAlpha(alpha);
  assertBatchShapes(studentLogits, teacherLogits);
  if (alpha > 0) assertLabelCount(studentLogits, labels);

  const [total, hard, soft] = tf.tidy((): [tf.Scalar, tf.Scalar, tf.Scalar] => {
    const hardTerm =
      alpha === 0
        ? tf.scalar(0)
        : tf.mul<tf.Scalar>(meanCrossEntropy(studentLogits, labels), alpha);
    const softTerm =
      alpha === 1
        ? tf.scalar(0)
        : tf.mul<tf.Scalar>(
            meanKlAtTemperature(studentLogits, teacherLogits, temperature),
            (1 - alpha) * temperature * temperature,
          );
    return [tf.add<tf.Scalar>(hardTerm, softTerm), hardTerm, softTerm];
  });
  return { total, hard, soft };
}

/** Mean cross-entropy against the labels, at T = 1: the loss of the control student and the teacher. */
/**
 * Cross-entropy with label-smoothed targets (Szegedy et al. 2016; Müller, Kornblith & Hinton 2019,
 * "When does label smoothing help?"): the target is (1 − ε)·onehot(y) + ε/K, so
 * L = (1 − ε)·CE(y, softmax(z)) + ε · mean_k(−log softmax(z)_k), averaged over the batch.
 * ε = 0 is the plain hard-label loss. A teacher trained so makes worse targets (Müller et al.).
 */
export function labelSmoothedLoss(
  logits: tf.Tensor2D,
  labels: tf.Tensor1D,
  epsilon: number,
): tf.Scalar {
  assertLabelCount(logits, labels);
  if (!(epsilon >= 0 && epsilon <= 1))
    throw new Error(`label smoothing ε = ${epsilon} is not in 0–1`);
  return tf.tidy(() => {
    const classes = logits.shape[1];
    const oneHot = tf.cast(tf.oneHot(labels, classes), 'float32');
    const targets = tf.add(tf.mul(oneHot, 1 - epsilon), epsilon / classes);
    return tf.neg(tf.mean<tf.Scalar>(tf.sum(tf.mul(targets, tf.logSoftmax(logits)), 1)));
  });
}

export function hardLabelLoss(studentLogits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  assertLabelCount(studentLogits, labels);
  return tf.tidy(() => meanCrossEntropy(studentLogits, labels));
}
