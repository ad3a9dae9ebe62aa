import * as tf from '@tensorflow/tfjs';

/**
 * a · b, the kernel a dense layer uses. Chosen per backend by `matMulForBackend`. With
 * `inputIsData`, a is input data (the first layer's images): nobody needs its gradient.
 */
export type MatMul = (a: tf.Tensor2D, b: tf.Tensor2D, inputIsData?: boolean) => tf.Tensor2D;

/**
 * a · b (a: batch × in activations, b: in × out weights) computed the way the WASM backend is
 * fastest at, with the same numbers:
 *  - no `transposeA/transposeB` flags: tfjs-wasm runs those ~10x slower than a plain matMul
 *    (~2 vs ~25 GFLOP/s on this machine kind; the plain-matMul rows of bench/results.md), so transposes are explicit;
 *  - the weights never sit in the right-hand slot. XNNPACK packs its right-hand operand before
 *    multiplying and caches the packing per tensor; the weights are a new tensor after every
 *    optimizer step, so each step would re-pack all of them (+6 ms per 800 × 800 matMul,
 *    measured: 16.7 vs 10.5 ms). As the left-hand operand they need no packing, so
 *    a · b = (bᵀ · aᵀ)ᵀ and dy · bᵀ = (b · dyᵀ)ᵀ; only batch-sized tensors get packed.
 */
function weightsLeft(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  return tf.transpose(tf.matMul(tf.transpose(b), tf.transpose(a))) as tf.Tensor2D;
}

const explicitTranspose = tf.customGrad(((a: tf.Tensor, b: tf.Tensor, save: tf.GradSaveFunc) => {
  save([a, b]);
  return {
    value: weightsLeft(a as tf.Tensor2D, b as tf.Tensor2D),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [savedA, savedB] = saved as tf.Tensor2D[];
      const dy2 = dy as tf.Tensor2D;
      return [
        tf.transpose(tf.matMul(savedB, tf.transpose(dy2))),
        tf.matMul(tf.transpose(savedA), dy2),
      ];
    },
  };
}) as unknown as Parameters<typeof tf.customGrad>[0]) as unknown as MatMul;

/**
 * The same for the first layer: the gradient with respect to the images is never used, so it is
 * not computed (a zero tensor stands in), which saves a batch × hidden × 784 matMul per step.
 */
const explicitTransposeWeightsOnly = tf.customGrad(((
  a: tf.Tensor,
  b: tf.Tensor,
  save: tf.GradSaveFunc,
) => {
  save([a]);
  return {
    value: weightsLeft(a as tf.Tensor2D, b as tf.Tensor2D),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [savedA] = saved as tf.Tensor2D[];
      return [tf.zerosLike(savedA), tf.matMul(tf.transpose(savedA), dy as tf.Tensor2D)];
    },
  };
}) as unknown as Parameters<typeof tf.customGrad>[0]) as unknown as MatMul;

export const matMulExplicitTranspose: MatMul = (a, b, inputIsData = false) =>
  inputIsData ? explicitTransposeWeightsOnly(a, b) : explicitTranspose(a, b);

export const matMulStock: MatMul = (a, b) => tf.matMul(a, b);

/** The WASM backend needs the explicit-transpose path; GPU backends are fine with the stock one. */
export function matMulForBackend(backend: string): MatMul {
  return backend === 'wasm' ? matMulExplicitTranspose : matMulStock;
}
