/**
 * Temperature softmax on plain arrays, in float64. Used on the main thread (the soft-target panel),
 * where a tensor round-trip would be wasteful for a handful of numbers.
 */

import { assertShape, assertTemperature } from './validation.ts';

/**
 * log softmax(z/T)_i = z_i/T − m − log Σ_j exp(z_j/T − m), with m = max_j z_j/T.
 * Shifting by the max keeps every exp in (0, 1], so nothing overflows and the sum is ≥ 1.
 */
export function logSoftmaxInto(
  logits: ArrayLike<number>,
  offset: number,
  classes: number,
  temperature: number,
  out: Float64Array,
): void {
  let max = -Infinity;
  for (let i = 0; i < classes; i++) {
    const scaled = logits[offset + i] / temperature;
    if (scaled > max) max = scaled;
  }
  let sum = 0;
  for (let i = 0; i < classes; i++) sum += Math.exp(logits[offset + i] / temperature - max);
  const logSum = Math.log(sum);
  for (let i = 0; i < classes; i++) out[i] = logits[offset + i] / temperature - max - logSum;
}

/** softmax(z/T) = exp(log softmax(z/T)): the same max-shifted sum, so just as stable. */
function softmaxInto(
  logits: ArrayLike<number>,
  offset: number,
  classes: number,
  temperature: number,
  out: Float64Array,
): void {
  logSoftmaxInto(logits, offset, classes, temperature, out);
  for (let i = 0; i < classes; i++) out[i] = Math.exp(out[i]);
}

/** softmax(z/T) of one row of logits. */
export function softmaxAt(logits: ArrayLike<number>, temperature: number): Float64Array {
  assertTemperature(temperature);
  const out = new Float64Array(logits.length);
  if (logits.length > 0) softmaxInto(logits, 0, logits.length, temperature, out);
  return out;
}

/** log softmax(z/T) of one row of logits; finite wherever the logits are. */
export function logSoftmaxAt(logits: ArrayLike<number>, temperature: number): Float64Array {
  assertTemperature(temperature);
  const out = new Float64Array(logits.length);
  if (logits.length > 0) logSoftmaxInto(logits, 0, logits.length, temperature, out);
  return out;
}

/** softmax(z/T) of each row of a flat, row-major rows × classes array (e.g. logits from the worker). */
export function softmaxRows(
  logits: ArrayLike<number>,
  rows: number,
  classes: number,
  temperature: number,
): Float64Array[] {
  assertTemperature(temperature);
  assertShape(logits.length, rows, classes);
  const out: Float64Array[] = [];
  for (let r = 0; r < rows; r++) {
    const row = new Float64Array(classes);
    if (classes > 0) softmaxInto(logits, r * classes, classes, temperature, row);
    out.push(row);
  }
  return out;
}
