/**
 * The dark-knowledge map: row c is a model's mean softmax at T over the test images of true
 * class c, so cell (c, j) says how much the model thinks a c resembles a j (Hinton et al. 2015:
 * "a 2 may look like a 3 or a 7"). Plain float64 arrays, for the page.
 */
import { logSoftmaxInto } from './softmax.ts';
import { assertTemperature } from './validation.ts';

/** classes × classes, row-major; a row with no test images is all zeros. */
export function classMeanSoftmax(
  logits: ArrayLike<number>,
  labels: ArrayLike<number>,
  classes: number,
  temperature: number,
): Float64Array {
  assertTemperature(temperature);
  const rows = labels.length;
  if (logits.length !== rows * classes) {
    throw new RangeError(`${logits.length} logits for ${rows} labels of ${classes} classes`);
  }
  const sums = new Float64Array(classes * classes);
  const counts = new Float64Array(classes);
  const row = new Float64Array(classes);
  for (let r = 0; r < rows; r++) {
    const c = labels[r];
    logSoftmaxInto(logits, r * classes, classes, temperature, row);
    for (let j = 0; j < classes; j++) sums[c * classes + j] += Math.exp(row[j]);
    counts[c]++;
  }
  for (let c = 0; c < classes; c++) {
    if (counts[c] === 0) continue;
    for (let j = 0; j < classes; j++) sums[c * classes + j] /= counts[c];
  }
  return sums;
}

/** a − b, cell by cell. */
export function mapDifference(a: Float64Array, b: Float64Array): Float64Array {
  return a.map((v, k) => v - b[k]);
}
