import { argmaxRows } from './metrics.ts';

/**
 * Predictions after adding `shift[c]` to each class's output bias, i.e. to every logit of class c
 * (Hinton et al. 2015 §3 raised class 3's bias by 3.5 after omitting 3s from the transfer set).
 */
export function predictWithBiasShift(
  logits: ArrayLike<number>,
  rows: number,
  classes: number,
  shift: ArrayLike<number>,
): Int32Array {
  return argmaxRows(logits, rows, classes, shift);
}

/** Errors per true class, and in total, of predictions against labels. */
export function errorsByClass(
  predicted: ArrayLike<number>,
  labels: ArrayLike<number>,
  classes: number,
): { total: number; perClass: number[]; countPerClass: number[] } {
  const perClass = new Array<number>(classes).fill(0);
  const countPerClass = new Array<number>(classes).fill(0);
  let total = 0;
  for (let i = 0; i < labels.length; i++) {
    countPerClass[labels[i]]++;
    if (predicted[i] !== labels[i]) {
      perClass[labels[i]]++;
      total++;
    }
  }
  return { total, perClass, countPerClass };
}
