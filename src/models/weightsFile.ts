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
  /** SHA-256 of the .bin, hex (models/weightsDigest.ts); checked on load when present. */
  sha256?: string;
}

export type WeightStorage = 'float16' | 'uint8';

const FORMAT = 'kd-playground-mlp/1';

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
      format: FORMAT,
      name: mlp.name,
      sizes: [...mlp.sizes],
      weightsManifest: [{ paths: [binFile], weights: entries }],
    },
    bin,
  };
}

/** Bytes per value of each storage the loader reads; no entry = unquantized float32. */
const BYTES_PER_VALUE: Readonly<Record<string, number>> = { uint8: 1, float16: 2 };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** A short rendering of a JSON value for an error message (the file may hold anything). */
function brief(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * One manifest entry, checked before tfjs sees it: tfjs trusts names, shapes and quantization,
 * so a wrong type throws a TypeError deep inside it, and a duplicated name leaks a tensor.
 */
function checkEntry(entry: unknown, index: number): tf.io.WeightsManifestEntry {
  if (!isObject(entry)) throw new Error(`weights entry ${index} is ${brief(entry)}, not an object`);
  const { name, shape, dtype, quantization } = entry;
  if (typeof name !== 'string') throw new Error(`weights entry ${index} has no name`);
  const where = `weights entry ${index} (${brief(name)})`;
  if (!Array.isArray(shape) || !shape.every(isCount))
    throw new Error(`${where} has shape ${brief(shape)}, not a list of whole numbers ≥ 0`);
  if (dtype !== 'float32') throw new Error(`${where} has dtype ${brief(dtype)}, not float32`);
  if (quantization !== undefined) {
    const q = isObject(quantization) ? quantization : {};
    // Own keys only: 'constructor' or 'toString' is in every object.
    if (typeof q.dtype !== 'string' || !Object.hasOwn(BYTES_PER_VALUE, q.dtype))
      throw new Error(`${where} has quantization ${brief(quantization)}, not uint8 or float16`);
    if (q.dtype === 'uint8' && !(Number.isFinite(q.min) && Number.isFinite(q.scale)))
      throw new Error(`${where} is uint8 without a finite min and scale`);
  }
  return entry as unknown as tf.io.WeightsManifestEntry;
}

/** The manifest's entries, each checked, for an MLP of `sizes`; throws a clear error otherwise. */
function checkManifest(json: unknown, sizes: readonly number[]): tf.io.WeightsManifestEntry[] {
  if (!isObject(json)) throw new Error(`the weights manifest is ${brief(json)}, not an object`);
  if (json.format !== FORMAT) throw new Error(`unknown weights format ${brief(json.format)}`);
  const found = json.sizes;
  if (!Array.isArray(found) || !found.every(isCount))
    throw new Error(`the layer sizes ${brief(found)} are not a list of whole numbers`);
  if (found.join('-') !== sizes.join('-'))
    throw new Error(`weights are for a ${found.join('-')} network, not ${sizes.join('-')}`);
  const groups = json.weightsManifest;
  if (!Array.isArray(groups) || !groups.every((g) => isObject(g) && Array.isArray(g.weights)))
    throw new Error('the weights manifest has no list of weight groups');
  const specs = groups.flatMap((g) => g.weights as unknown[]).map(checkEntry);
  const names = new Set<string>();
  for (const { name } of specs) {
    if (names.has(name)) throw new Error(`the weights manifest names ${brief(name)} twice`);
    names.add(name);
  }
  return specs;
}

/**
 * Copies decoded weights into an MLP of the same sizes; throws a clear error on any mismatch.
 * The manifest may be any JSON (it comes from a fetch) and is checked before anything is decoded;
 * on an error the MLP keeps its weights, as every value is checked before the first is copied.
 */
export function assignMlpWeights(mlp: Mlp, json: MlpWeightsJson, bin: ArrayBuffer): void {
  const specs = checkManifest(json, mlp.sizes);
  const bytesPer = (s: tf.io.WeightsManifestEntry) =>
    BYTES_PER_VALUE[s.quantization?.dtype ?? ''] ?? 4;
  // Shapes are whole numbers, so this cannot be fooled by -1 × -70; BigInt keeps a huge one exact.
  const expectedBytes = specs.reduce(
    (n, s) => n + s.shape.reduce((a, b) => a * BigInt(b), 1n) * BigInt(bytesPer(s)),
    0n,
  );
  if (BigInt(bin.byteLength) !== expectedBytes) {
    throw new Error(
      `weights file has ${bin.byteLength} bytes, expected ${expectedBytes} (truncated or corrupt)`,
    );
  }
  const named = tf.io.decodeWeights(bin, specs);
  try {
    const targets = mlp.kernels.flatMap((kernel, l) => [
      { name: `dense${l}/kernel`, variable: kernel },
      { name: `dense${l}/bias`, variable: mlp.biases[l] },
    ]);
    for (const { name, variable } of targets) {
      const value = named[name];
      if (!value || value.shape.join() !== variable.shape.join())
        throw new Error(`weights file lacks ${name} of shape [${variable.shape}]`);
      const finite = tf.tidy(() => tf.all(tf.isFinite(value)).dataSync()[0]);
      if (!finite) throw new Error(`${name} holds NaN or Infinity (corrupt file)`);
    }
    for (const { name, variable } of targets) variable.assign(named[name]);
  } finally {
    tf.dispose(Object.values(named));
  }
}
