import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE, NUM_CLASSES } from '../data/mnistAssets.ts';
import { kdLoss } from '../kd/index.ts';

/**
 * The straightforward way to distil in tfjs, for the benchmark's "naive peer": tf.layers models
 * with the stock Dense kernels, the teacher's forward pass inside every step, and a fit-style
 * loop that reads the loss back after each batch. Same architecture, same loss as the app.
 */
export interface NaivePeer {
  step(x: tf.Tensor2D, y: tf.Tensor1D): number;
  dispose(): void;
}

function mlp(hidden: readonly number[], dropout: number): tf.Sequential {
  const model = tf.sequential();
  hidden.forEach((units, i) => {
    model.add(
      tf.layers.dense({
        units,
        activation: 'relu',
        inputShape: i === 0 ? [IMAGE_SIZE] : undefined,
      }),
    );
    if (dropout > 0) model.add(tf.layers.dropout({ rate: dropout }));
  });
  model.add(tf.layers.dense({ units: NUM_CLASSES }));
  return model;
}

export function createNaivePeer(
  studentHidden: readonly number[],
  temperature: number,
  alpha: number,
): NaivePeer {
  const teacher = mlp([1200, 1200], 0.5);
  const student = mlp(studentHidden, 0);
  const optimizer = tf.train.adam(1e-3);
  const variables = student.trainableWeights.map((w) => w.read() as tf.Variable);
  return {
    step(x, y) {
      return tf.tidy(() => {
        const teacherLogits = teacher.predict(x) as tf.Tensor2D;
        const loss = optimizer.minimize(
          () =>
            kdLoss(
              student.apply(x, { training: true }) as tf.Tensor2D,
              teacherLogits,
              y,
              temperature,
              alpha,
            ).total,
          true,
          variables,
        );
        return loss!.dataSync()[0];
      });
    },
    dispose() {
      teacher.dispose();
      student.dispose();
      optimizer.dispose();
    },
  };
}
