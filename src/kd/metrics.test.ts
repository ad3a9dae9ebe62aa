import { describe, expect, it } from 'vitest';
import { argmaxRows, confusionMatrix, countErrors } from './metrics.ts';

// 4 examples × 3 classes; argmax per row: 2, 0, 1, 0 (the last row ties 0 and 2).
const LOGITS = new Float32Array([0.1, 0.2, 0.9, 3, -1, 2, -5, -4, -6, 1, 0, 1]);

describe('argmaxRows', () => {
  it('finds the largest logit of each row and breaks ties towards the lower class', () => {
    expect(Array.from(argmaxRows(LOGITS, 4, 3))).toEqual([2, 0, 1, 0]);
  });

  it('lets a NaN never win', () => {
    expect(Array.from(argmaxRows([Number.NaN, 1, 2, 5, Number.NaN, 0], 2, 3))).toEqual([2, 0]);
  });

  it('rejects an array whose length is not rows × classes', () => {
    expect(() => argmaxRows(LOGITS, 3, 3)).toThrow(RangeError);
  });
});

describe('countErrors', () => {
  it('counts the rows whose argmax is not the label', () => {
    expect(countErrors(LOGITS, [2, 0, 1, 0], 3)).toBe(0);
    expect(countErrors(LOGITS, [2, 1, 1, 2], 3)).toBe(2);
    expect(countErrors(LOGITS, new Int32Array([0, 1, 2, 1]), 3)).toBe(4);
  });
});

describe('confusionMatrix', () => {
  it('counts true classes along rows and predicted classes along columns', () => {
    // (true, predicted): (0, 0), (1, 2), (1, 1), (2, 1), (1, 2)
    expect(confusionMatrix([0, 2, 1, 1, 2], [0, 1, 1, 2, 1], 3)).toEqual([
      [1, 0, 0],
      [0, 1, 2],
      [0, 1, 0],
    ]);
  });

  it('agrees with countErrors: the off-diagonal total is the error count', () => {
    const labels = [2, 1, 1, 2];
    const matrix = confusionMatrix(argmaxRows(LOGITS, 4, 3), labels, 3);
    const offDiagonal = matrix.flatMap((row, t) => row.filter((_, p) => p !== t));
    expect(offDiagonal.reduce((a, b) => a + b, 0)).toBe(countErrors(LOGITS, labels, 3));
  });

  it('rejects class ids outside [0, classes) and mismatched lengths', () => {
    expect(() => confusionMatrix([0, 3], [0, 1], 3)).toThrow(RangeError);
    expect(() => confusionMatrix([0, 1], [-1, 1], 3)).toThrow(RangeError);
    expect(() => confusionMatrix([0, 1.5], [0, 1], 3)).toThrow(RangeError);
    expect(() => confusionMatrix([0, 1], [0], 3)).toThrow(RangeError);
  });
});
