import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE, NUM_CLASSES } from '../data/mnistAssets.ts';
import type { MatMul } from '../kernels/denseMatMul.ts';
import { matMulStock } from '../kernels/denseMatMul.ts';

/** A multilayer perceptron held as plain variables, so two copies can share exact weights. */
export interface Mlp {
  name: string;
  /** Layer widths, input first: [784, 1200, 1200, 10]. */
  sizes: readonly number[];
  kernels: tf.Variable[];
  biases: tf.Variable[];
  /** Dropout rates applied in training: on the input and after each hidden layer. */
  dropout: { input: number; hidden: number };
}

export interface ForwardOptions {
  training?: boolean;
  /** Seed for this call's dropout masks (so a run can be repeated). */
  dropoutSeed?: number;
  /** The matMul of training passes (its gradient matters); inference uses the stock one. */
  matMul?: MatMul;
}

/** tfjs variable names must be unique while they live; two students may share a display name. */
let instances = 0;
const variableName = (name: string, layer: number, kind: 'kernel' | 'bias') =>
  `${name}#${instances}/dense${layer}/${kind}`;

/**
 * Glorot-uniform kernels (limit √(6/(fan_in+fan_out)), Glorot & Bengio 2010), zero biases,
 * from a seed: the same seed gives the same weights on every backend (tfjs draws them in JS).
 */
export function createMlp(
  name: string,
  sizes: readonly number[],
  seed: number,
  dropout = { input: 0, hidden: 0 },
): Mlp {
  const kernels: tf.Variable[] = [];
  const biases: tf.Variable[] = [];
  instances++;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanIn = sizes[l];
    const fanOut = sizes[l + 1];
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    const init = tf.randomUniform([fanIn, fanOut], -limit, limit, 'float32', seed * 101 + l);
    kernels.push(tf.variable(init, true, variableName(name, l, 'kernel')));
    init.dispose();
    const zeros = tf.zeros([fanOut]);
    biases.push(tf.variable(zeros, true, variableName(name, l, 'bias')));
    zeros.dispose();
  }
  return { name, sizes: [...sizes], kernels, biases, dropout };
}

/** Logits (pre-softmax) for a batch of flattened images in [0, 1]. */
export function mlpForward(mlp: Mlp, x: tf.Tensor2D, options: ForwardOptions = {}): tf.Tensor2D {
  return mlpForwardWithHidden(mlp, x, options).logits;
}

/**
 * Logits and, when `hiddenLayer` is given, that hidden layer's activations (after its ReLU, before
 * dropout; 0 = the first hidden layer): what a FitNets hint reads.
 */
export function mlpForwardWithHidden(
  mlp: Mlp,
  x: tf.Tensor2D,
  options: ForwardOptions = {},
  hiddenLayer?: number,
): { logits: tf.Tensor2D; hidden?: tf.Tensor2D } {
  const { training = false, dropoutSeed = 0 } = options;
  // The custom matMul exists for its gradient. Inference keeps the stock one: on WASM, XNNPACK
  // then reuses its packing of weights that do not change (the teacher's, one evaluation's).
  const matMul = training ? (options.matMul ?? matMulStock) : matMulStock;
  return tf.tidy(() => {
    let h: tf.Tensor2D = x;
    let hidden: tf.Tensor2D | undefined;
    if (training && mlp.dropout.input > 0) {
      h = tf.dropout(h, mlp.dropout.input, undefined, dropoutSeed) as tf.Tensor2D;
    }
    const last = mlp.kernels.length - 1;
    for (let l = 0; l <= last; l++) {
      h = tf.add(matMul(h, mlp.kernels[l] as tf.Tensor2D, l === 0), mlp.biases[l]) as tf.Tensor2D;
      if (l < last) {
        h = tf.relu(h);
        if (l === hiddenLayer) hidden = h;
        if (training && mlp.dropout.hidden > 0) {
          h = tf.dropout(
            h,
            mlp.dropout.hidden,
            undefined,
            dropoutSeed + 7919 * (l + 1),
          ) as tf.Tensor2D;
        }
      }
    }
    return hidden ? { logits: h, hidden } : { logits: h };
  });
}

/** A new variable holding a copy of `source` (the temporary clone is released at once). */
function copyVariable(source: tf.Variable, name: string): tf.Variable {
  const copy = source.clone();
  const variable = tf.variable(copy, true, name);
  copy.dispose();
  return variable;
}

/** A second model with the same architecture and a copy of the weights. */
export function cloneMlp(source: Mlp, name: string): Mlp {
  instances++;
  return {
    name,
    sizes: source.sizes,
    dropout: { ...source.dropout },
    kernels: source.kernels.map((k, l) => copyVariable(k, variableName(name, l, 'kernel'))),
    biases: source.biases.map((b, l) => copyVariable(b, variableName(name, l, 'bias'))),
  };
}

/** Sets `target`'s weights to `source`'s (same architecture). */
export function copyWeights(target: Mlp, source: Mlp): void {
  mlpVariables(target).forEach((v, i) => v.assign(mlpVariables(source)[i]));
}

export function mlpVariables(mlp: Mlp): tf.Variable[] {
  return [...mlp.kernels, ...mlp.biases];
}

export function disposeMlp(mlp: Mlp): void {
  for (const v of mlpVariables(mlp)) v.dispose();
}

/** Weights plus biases of a fully connected net with these widths. */
export function parameterCount(sizes: readonly number[]): number {
  let n = 0;
  for (let l = 0; l + 1 < sizes.length; l++) n += sizes[l] * sizes[l + 1] + sizes[l + 1];
  return n;
}

/** FLOPs (2 per multiply-add) of one forward pass of one example, biases and ReLUs ignored. */
export function forwardFlops(sizes: readonly number[]): number {
  let n = 0;
  for (let l = 0; l + 1 < sizes.length; l++) n += 2 * sizes[l] * sizes[l + 1];
  return n;
}

export { IMAGE_SIZE, NUM_CLASSES };
