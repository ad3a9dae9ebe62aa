import { describe, expect, it } from 'vitest';
import { confusionMatrix } from '../../kd/metrics.ts';
import { cellDigits } from './cellDigits.ts';

describe('the digits behind a confusion cell', () => {
  it('lists, in test order, the digits of that true class predicted as that class', () => {
    const labels = [3, 3, 5, 3, 8, 3];
    const predicted = [3, 5, 5, 5, 3, 8];
    expect(cellDigits(predicted, labels, 3, 5)).toEqual([1, 3]);
    expect(cellDigits(predicted, labels, 3, 3)).toEqual([0]);
    expect(cellDigits(predicted, labels, 8, 3)).toEqual([4]);
    expect(cellDigits(predicted, labels, 5, 3)).toEqual([]);
  });

  it('gives as many digits as the confusion matrix counts, for every cell', () => {
    let s = 7;
    const random = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const labels = Array.from({ length: 500 }, () => Math.floor(random() * 10));
    const predicted = labels.map((l) => (random() < 0.8 ? l : Math.floor(random() * 10)));
    const matrix = confusionMatrix(predicted, labels, 10);
    for (let i = 0; i < 10; i++) {
      for (let j = 0; j < 10; j++)
        expect(cellDigits(predicted, labels, i, j)).toHaveLength(matrix[i][j]);
    }
  });
});
