import { describe, expect, it } from 'vitest';
import { classMeanSoftmax, mapDifference } from './classMeanSoftmax.ts';

describe('the dark-knowledge map', () => {
  it('averages the softmax at T over each true class, by hand for three classes', () => {
    // Two images of class 0, one of class 2, none of class 1.
    const logits = [
      [Math.log(6), Math.log(3), Math.log(1)], // softmax (0.6, 0.3, 0.1)
      [Math.log(8), Math.log(1), Math.log(1)], // softmax (0.8, 0.1, 0.1)
      [0, 0, Math.log(2)], // softmax (0.25, 0.25, 0.5)
    ].flat();
    const map = classMeanSoftmax(logits, [0, 0, 2], 3, 1);
    const expected = [0.7, 0.2, 0.1, 0, 0, 0, 0.25, 0.25, 0.5];
    expected.forEach((v, k) => expect(map[k]).toBeCloseTo(v, 12));
  });

  it('softens with T: at T = 2 the logits log 6, log 3, log 1 give √6 : √3 : 1', () => {
    const map = classMeanSoftmax([Math.log(6), Math.log(3), 0], [1], 3, 2);
    const total = Math.sqrt(6) + Math.sqrt(3) + 1;
    expect(map[3]).toBeCloseTo(Math.sqrt(6) / total, 12);
    expect(map[4]).toBeCloseTo(Math.sqrt(3) / total, 12);
    expect(map[5]).toBeCloseTo(1 / total, 12);
  });

  it('has rows that sum to 1 for every class with images, and takes differences cell by cell', () => {
    let s = 3;
    const random = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const labels = Array.from({ length: 300 }, () => Math.floor(random() * 10));
    const logits = Array.from({ length: 3000 }, () => (random() - 0.5) * 20);
    const map = classMeanSoftmax(logits, labels, 10, 4);
    for (let c = 0; c < 10; c++) {
      let sum = 0;
      for (let j = 0; j < 10; j++) sum += map[c * 10 + j];
      expect(sum).toBeCloseTo(1, 12);
    }
    const diff = mapDifference(map, classMeanSoftmax(logits, labels, 10, 1));
    expect(diff.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 10);
  });

  it('refuses logits that do not fit the labels', () => {
    expect(() => classMeanSoftmax([1, 2, 3], [0, 1], 2, 1)).toThrow(/3 logits for 2 labels/);
  });
});
