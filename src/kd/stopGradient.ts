import * as tf from '@tensorflow/tfjs';

/**
 * tfjs has no stop_gradient, so: identity forward, zero gradient backward. The teacher's logits then
 * act as constants in the student's loss even if they were computed under the same gradient tape.
 * Created once, at load, so calling it never builds anything new.
 */
const zeroGradientIdentity = tf.customGrad((x: tf.Tensor | tf.GradSaveFunc) => {
  if (!(x instanceof tf.Tensor)) throw new TypeError('stopGradient expects a tensor');
  return { value: tf.clone(x), gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy) };
});

/** The same values as x, but no gradient flows back into x. */
export function stopGradient<T extends tf.Tensor>(x: T): T {
  return zeroGradientIdentity(x) as T;
}
