/**
 * How hard each term of an objective pulls: for each term, the L2 norm over the whole batch of its
 * gradient with respect to the learner's logits (for an objective that reads a hint, with respect
 * to studentHint, the regressor's output). Read back as plain numbers; no tensor outlives the call.
 * A term that does not depend on that input (e.g. the hard term at α = 0) has norm 0.
 */
import * as tf from '@tensorflow/tfjs';
import type { DistillHyper, Objective, ObjectiveBatch, ObjectiveParams } from './objective.ts';

export function termGradientNorms(
  objective: Objective,
  batch: ObjectiveBatch,
  hyper: DistillHyper,
  params: ObjectiveParams,
): number[] {
  const key = objective.needsHint ? 'studentHint' : 'studentLogits';
  const input = batch[key];
  if (!input) throw new Error(`termGradientNorms: the ${objective.id} objective needs ${key}.`);
  return objective.termNames.map((_, index) =>
    tf.tidy(() => {
      // tf.grad throws when y does not depend on x; the engine's gradients() can allow it.
      const { grads } = tf
        .engine()
        .gradients(() => objective.terms(batch, hyper, params)[index], [input], undefined, true);
      const gradient = grads[0] as tf.Tensor | undefined;
      if (!gradient) return 0;
      let squares = 0;
      for (const g of gradient.dataSync()) squares += g * g;
      return Math.sqrt(squares);
    }),
  );
}
