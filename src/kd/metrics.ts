/** Accuracy bookkeeping on plain arrays (logits read back from the worker). */
import { assertShape } from './validation.ts';

/**
 * Index of the largest logit in each row; ties go to the lowest index, NaN never wins. An optional
 * per-class `shift` is added to every row first (an output-bias change, see biasAdjust.ts).
 */
export function argmaxRows(
  logits: ArrayLike<number>,
  rows: number,
  classes: number,
  shift?: ArrayLike<number>,
): Int32Array {
  assertShape(logits.length, rows, classes);
  if (rows > 0 && classes === 0) throw new RangeError('argmax of a row with no classes');
  const out = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const base = r * classes;
    let best = 0;
    let bestValue = -Infinity;
    for (let i = 0; i < classes; i++) {
      const value = logits[base + i] + (shift ? shift[i] : 0);
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    out[r] = best;
  }
  return out;
}

/** How many rows' argmax differs from the label; the row count is labels.length. */
export function countErrors(
  logits: ArrayLike<number>,
  labels: ArrayLike<number>,
  classes: number,
): number {
  const predicted = argmaxRows(logits, labels.length, classes);
  let errors = 0;
  for (let n = 0; n < labels.length; n++) if (predicted[n] !== labels[n]) errors++;
  return errors;
}

function assertClassId(id: number, classes: number): void {
  if (!Number.isInteger(id) || id < 0 || id >= classes) {
    throw new RangeError(`class id ${id} is not in [0, ${classes})`);
  }
}

/** counts[trueClass][predictedClass]. */
export function confusionMatrix(
  predicted: ArrayLike<number>,
  labels: ArrayLike<number>,
  classes: number,
): number[][] {
  if (predicted.length !== labels.length) {
    throw new RangeError(`${predicted.length} predictions for ${labels.length} labels`);
  }
  const counts = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let n = 0; n < labels.length; n++) {
    assertClassId(labels[n], classes);
    assertClassId(predicted[n], classes);
    counts[labels[n]][predicted[n]]++;
  }
  return counts;
}
