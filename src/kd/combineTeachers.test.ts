import { describe, expect, it } from 'vitest';
import { combineTeacherLogits } from './combineTeachers.ts';
import { softmaxAt } from './softmax.ts';
import { expectAllClose } from './expectClose.testutil.ts';

const { LN2, log } = Math;
const LN3 = log(3);

// 2 teachers × 2 rows × 3 classes, row-major. At T = 2:
//   teacher A: row 1 softmax [1/4, 1/2, 1/4], row 2 [1/3, 1/3, 1/3]
//   teacher B: row 1 softmax [1/2, 1/4, 1/4], row 2 [1/2, 1/6, 1/3]
const A = [0, 2 * LN2, 0, 0, 0, 0];
const B = [2 * LN2, 0, 0, 2 * LN3, 0, 2 * LN2];
const T = 2;
const MEAN_PROBABILITIES = [3 / 8, 3 / 8, 1 / 4, 5 / 12, 1 / 4, 1 / 3];

const combine = (
  teachers: number[][],
  mode: 'mean-logits' | 'mean-probabilities',
  temperature = T,
  rows = 2,
  classes = 3,
) =>
  combineTeacherLogits(
    teachers.map((t) => Float32Array.from(t)),
    rows,
    classes,
    mode,
    temperature,
    new Float32Array(rows * classes),
  );

describe('combineTeacherLogits', () => {
  it('mean-logits: the elementwise mean', () => {
    const expected = [LN2, LN2, 0, LN3, 0, LN2];
    expectAllClose(combine([A, B], 'mean-logits'), expected, 1e-6, 1e-7);
  });

  it('mean-probabilities: T · log of the mean probabilities at T (closed form)', () => {
    const expected = MEAN_PROBABILITIES.map((p) => T * log(p));
    expectAllClose(combine([A, B], 'mean-probabilities'), expected, 1e-6, 1e-7);
  });

  it('mean-probabilities: softmax(out/T) is the mean of the teachers’ softmax(z/T)', () => {
    const teachers = [
      [3.0, -1.0, 0.5, 8.0, 80.0, -80.0, 0.0, 1.0],
      [-2.0, 4.0, 0.0, 1.5, -60.0, 70.0, 2.0, 2.0],
      [0.1, 0.2, 0.3, 0.4, 0.0, 0.0, 90.0, -90.0],
    ];
    for (const temperature of [1, 3, 20]) {
      const out = combine(teachers, 'mean-probabilities', temperature, 2, 4);
      for (let r = 0; r < 2; r++) {
        const span = [r * 4, (r + 1) * 4];
        const mean = [0, 0, 0, 0];
        for (const teacher of teachers) {
          softmaxAt(teacher.slice(...span), temperature).forEach((p, i) => (mean[i] += p / 3));
        }
        expectAllClose(softmaxAt(out.slice(...span), temperature), mean, 1e-5, 1e-9);
      }
    }
    expectAllClose(
      softmaxAt(combine([A, B], 'mean-probabilities').slice(0, 3), T),
      MEAN_PROBABILITIES.slice(0, 3),
      1e-6,
    );
  });

  it('copies a single teacher unchanged, in both modes', () => {
    const only = Float32Array.from([1.25, -3.5, 7, 0.1, 0.2, 0.3]);
    for (const mode of ['mean-logits', 'mean-probabilities'] as const) {
      const out = combineTeacherLogits([only], 2, 3, mode, 4, new Float32Array(6));
      expect(Array.from(out)).toEqual(Array.from(only));
    }
  });

  it('may write over one of its inputs', () => {
    const expected = combine([A, B], 'mean-probabilities');
    const a = Float32Array.from(A);
    combineTeacherLogits([a, Float32Array.from(B)], 2, 3, 'mean-probabilities', T, a);
    expect(Array.from(a)).toEqual(Array.from(expected));
  });

  it('rejects no teachers, wrong lengths and a bad temperature', () => {
    const out = new Float32Array(6);
    const a = Float32Array.from(A);
    expect(() => combineTeacherLogits([], 2, 3, 'mean-logits', 1, out)).toThrow(RangeError);
    expect(() => combineTeacherLogits([a, a.subarray(1)], 2, 3, 'mean-logits', 1, out)).toThrow(
      RangeError,
    );
    expect(() => combineTeacherLogits([a], 2, 3, 'mean-logits', 1, out.subarray(1))).toThrow(
      RangeError,
    );
    expect(() => combineTeacherLogits([a, a], 2, 3, 'mean-probabilities', 0, out)).toThrow(
      RangeError,
    );
  });
});
