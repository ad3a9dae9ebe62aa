/**
 * The backend's best time for one matrix product, the ceiling's unit. Each way is timed
 * synchronously, one value of the result read back (timeOnce).
 */
import * as tf from '@tensorflow/tfjs';
import type { MatMul } from '../kernels/denseMatMul.ts';
import type { Product } from './stepProducts.ts';
import { shapeKey } from './stepProducts.ts';

let FIRST: tf.Tensor1D;

/** How a product C = A · B may be computed; every way gets operands already in its layout. */
export type ProductWay = 'plain' | 'swapped' | 'project' | 'flagA' | 'flagB';

export interface ProductTiming extends Product {
  key: string;
  /** The fastest way's median ms per product, and which way that was. */
  bestMs: number;
  best: ProductWay;
  /** Each way's first timed call (ms): the screen that picks which ways are timed in full. */
  screenMs: Partial<Record<ProductWay, number>>;
  /** Median ms of the ways timed in full. */
  medianMs: Partial<Record<ProductWay, number>>;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * ms per product over `count` products in a row, synchronised by reading one value of the last
 * one back. The value is gathered: tfjs-wasm's slice (what matMulGflops reads back with) copies
 * the whole result first, ~7 ms for 784 × 800, more than the product itself (measured in Node);
 * a gather of one element costs ~0.7 ms, which `count` products share.
 */
function timeOnce(compute: () => tf.Tensor, count: number): number {
  const t0 = performance.now();
  tf.tidy(() => {
    for (let i = 1; i < count; i++) compute().dispose();
    tf.gather(compute().reshape([-1]), FIRST).dataSync();
  });
  return (performance.now() - t0) / count;
}

/**
 * Ways: tf.matMul(A, B); swapped, Bᵀ · Aᵀ = Cᵀ on operands stored transposed; the project's
 * matMulForBackend(A, B); tfjs's transpose flags on Aᵀ or on Bᵀ. Operands are the same tensors
 * on every call, so a backend that caches work per operand (XNNPACK packs its right-hand
 * operand once per tensor) gets that benefit here and never in a step, whose operands are new
 * every time: the ceiling errs on the fast side. After a warm-up call of each way and one timed
 * call, the `keep` fastest ways are timed `repeats` times more; the best median wins.
 */
export function timeProduct(product: Product, matMul: MatMul, repeats: number, keep = 2) {
  const { m, k, n } = product;
  const a = tf.randomUniform([m, k], -1, 1, 'float32', 5) as tf.Tensor2D;
  const b = tf.randomUniform([k, n], -1, 1, 'float32', 6) as tf.Tensor2D;
  const at = tf.transpose(a) as tf.Tensor2D;
  const bt = tf.transpose(b) as tf.Tensor2D;
  const ways: Record<ProductWay, () => tf.Tensor> = {
    plain: () => tf.matMul(a, b),
    swapped: () => tf.matMul(bt, at),
    project: () => matMul(a, b),
    flagA: () => tf.matMul(at, b, true, false),
    flagB: () => tf.matMul(a, bt, false, true),
  };
  FIRST ??= tf.keep(tf.tensor1d([0], 'int32'));
  try {
    const screenMs: ProductTiming['screenMs'] = {};
    for (const [way, compute] of Object.entries(ways) as [ProductWay, () => tf.Tensor][]) {
      timeOnce(compute, 1);
      screenMs[way] = timeOnce(compute, 1);
    }
    // On WASM, products under 20 ms go four to a readback. Not on the GPU backends: there,
    // SwiftShader's WebGPU took 100× longer for four queued products than for one.
    const count = tf.getBackend() === 'wasm' && Math.min(...Object.values(screenMs)) < 20 ? 4 : 1;
    const kept = (Object.keys(screenMs) as ProductWay[])
      .sort((x, y) => screenMs[x]! - screenMs[y]!)
      .slice(0, keep);
    const medianMs: ProductTiming['medianMs'] = {};
    for (const way of kept)
      medianMs[way] = median(Array.from({ length: repeats }, () => timeOnce(ways[way], count)));
    const best = kept.reduce((x, y) => (medianMs[y]! < medianMs[x]! ? y : x));
    return { m, k, n, key: shapeKey(product), bestMs: medianMs[best]!, best, screenMs, medianMs };
  } finally {
    tf.dispose([a, b, at, bt]);
  }
}
