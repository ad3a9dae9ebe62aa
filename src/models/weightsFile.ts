import * as tf from '@tensorflow/tfjs';
import type { Mlp } from './mlp.ts';
import { toFloat16Array } from './float16.ts';

/**
 * Our MLP weights in the TensorFlow.js weights format: a JSON file with a `weightsManifest`
 * (names, shapes, float16 quantization) and one binary file, decoded with `tf.io.decodeWeights`.
 */
export interface MlpWeightsJson {
  format: 'kd-playground-mlp/1';
  name: string;
  sizes: number[];
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
}

export type WeightStorage = 'float16' | 'uint8';

/** Per-tensor affine 8-bit quantization: value ≈ min + q · scale, q in 0..255 (tfjs's 'uint8'). */
function quantizeUint8(values: Float32Array): { q: Uint8Array; min: number; scale: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const scale = max > min ? (max - min) / 255 : 1;
  const q = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) q[i] = Math.round((values[i] - min) / scale);
  return { q, min, scale };
}

export function encodeMlpWeights(
  mlp: Mlp,
  binFile: string,
  storage: WeightStorage = 'float16',
): { json: MlpWeightsJson; bin: Uint8Array } {
  const entries: tf.io.WeightsManifestEntry[] = [];
  const parts: ArrayBufferView[] = [];
  mlp.kernels.forEach((kernel, l) => {
    for (const [kind, v] of [
      ['kernel', kernel],
      ['bias', mlp.biases[l]],
    ] as const) {
      const values = v.dataSync() as Float32Array;
      const name = `dense${l}/${kind}`;
      if (storage === 'uint8') {
        const { q, min, scale } = quantizeUint8(values);
        entries.push({
          name,
          shape: v.shape,
          dtype: 'float32',
          quantization: { dtype: 'uint8', min, scale },
        });
        parts.push(q);
      } else {
        entries.push({
          name,
          shape: v.shape,
          dtype: 'float32',
          quantization: { dtype: 'float16' },
        });
        parts.push(toFloat16Array(values));
      }
    }
  });
  const total = parts.reduce((n, p) => n + p.byteLength, 0);
  const bin = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    bin.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), offset);
    offset += p.byteLength;
  }
  return {
    json: {
      format: 'kd-playground-mlp/1',
      name: mlp.name,
      sizes: [...mlp.sizes],
      weightsManifest: [{ paths: [binFile], weights: entries }],
    },
    bin,
  };
}

/** Copies decoded weights into an MLP of the same sizes; throws a clear error on any mismatch. */
export function assignMlpWeights(mlp: Mlp, json: MlpWeightsJson, bin: ArrayBuffer): void {
  if (json.format !== 'kd-playground-mlp/1')
    throw new Error(`unknown weights format ${String(json.format)}`);
  if (json.sizes.join('-') !== mlp.sizes.join('-')) {
    throw new Error(
      `weights are for a ${json.sizes.join('-')} network, not ${mlp.sizes.join('-')}`,
    );
  }
  const specs = json.weightsManifest.flatMap((g) => g.weights);
  const bytesPer = (s: tf.io.WeightsManifestEntry) =>
    s.quantization?.dtype === 'uint8' ? 1 : s.quantization?.dtype === 'float16' ? 2 : 4;
  const expectedBytes = specs.reduce(
    (n, s) => n + s.shape.reduce((a, b) => a * b, 1) * bytesPer(s),
    0,
  );
  if (bin.byteLength !== expectedBytes) {
    throw new Error(
      `weights file has ${bin.byteLength} bytes, expected ${expectedBytes} (truncated or corrupt)`,
    );
  }
  const named = tf.io.decodeWeights(bin, specs);
  try {
    mlp.kernels.forEach((kernel, l) => {
      for (const [kind, v] of [
        ['kernel', kernel],
        ['bias', mlp.biases[l]],
      ] as const) {
        const value = named[`dense${l}/${kind}`];
        if (!value || value.shape.join() !== v.shape.join())
          throw new Error(`weights file lacks dense${l}/${kind} of shape [${v.shape}]`);
        const finite = tf.tidy(() => tf.all(tf.isFinite(value)).dataSync()[0]);
        if (!finite) throw new Error(`dense${l}/${kind} holds NaN or Infinity (corrupt file)`);
        v.assign(value);
      }
    });
  } finally {
    tf.dispose(Object.values(named));
  }
}
