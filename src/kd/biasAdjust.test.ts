import { describe, expect, it } from 'vitest';
import { errorsByClass, predictWithBiasShift } from './biasAdjust.ts';

describe('bias adjustment', () => {
  const logits = [
    [2.0, 1.0, 0.5], // predicts 0
    [0.1, 0.2, 0.15], // predicts 1
    [1.0, 3.0, 2.9], // predicts 1; class 2 is 0.1 behind
  ].flat();

  it('predicts the argmax when no bias is shifted', () => {
    expect(Array.from(predictWithBiasShift(logits, 3, 3, [0, 0, 0]))).toEqual([0, 1, 1]);
  });

  it('flips exactly the predictions within the shift of the leader', () => {
    // +0.2 on class 2: row 2 (2.9 + 0.2 = 3.1 > 3.0) flips, row 1 (0.15 + 0.2 = 0.35 > 0.2) flips, row 0 does not.
    expect(Array.from(predictWithBiasShift(logits, 3, 3, [0, 0, 0.2]))).toEqual([0, 2, 2]);
    // Lowering class 1 by 1.0 hands row 1 to class 2 (0.15 > −0.8) and row 2 to class 2.
    expect(Array.from(predictWithBiasShift(logits, 3, 3, [0, -1, 0]))).toEqual([0, 2, 2]);
  });

  it('counts errors per true class', () => {
    const result = errorsByClass([0, 2, 2, 1], [0, 1, 2, 2], 3);
    expect(result.total).toBe(2);
    expect(result.perClass).toEqual([0, 1, 1]);
    expect(result.countPerClass).toEqual([1, 1, 2]);
  });
});
