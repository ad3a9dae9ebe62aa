import { describe, expect, it } from 'vitest';
import { softTermGradient } from './softTermGradient.ts';

/** (1 − α)·T²·KL(softmax(v/T) ‖ softmax(z/T)) / N, from scratch in float64 (no shared helpers). */
function softTerm(z: number[], v: number[], T: number, alpha: number, N: number): number {
  const soft = (x: number[]) => {
    const e = x.map((xi) => Math.exp(xi / T));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((ei) => ei / s);
  };
  const p = soft(v);
  const q = soft(z);
  let kl = 0;
  for (let i = 0; i < z.length; i++) kl += p[i] * (Math.log(p[i]) - Math.log(q[i]));
  return ((1 - alpha) * T * T * kl) / N;
}

/** Central finite differences of softTerm with respect to each student logit. */
function numericGradient(z: number[], v: number[], T: number, alpha: number, N: number) {
  const h = 1e-5;
  return z.map((_, i) => {
    const up = z.slice();
    const down = z.slice();
    up[i] += h;
    down[i] -= h;
    return (softTerm(up, v, T, alpha, N) - softTerm(down, v, T, alpha, N)) / (2 * h);
  });
}

// A realistic pair: a confident teacher on a "3" and a student that is not there yet.
const teacher = [-2.1, 0.4, 1.3, 9.8, -3.5, 2.2, -4.0, 0.9, 3.1, 1.6];
const student = [0.5, -0.2, 0.8, 4.1, -1.0, 1.9, -0.7, 0.3, 1.2, 0.6];

describe('the soft term’s gradient and its high-temperature limit', () => {
  it('matches finite differences of the loss at T = 1, 4 and 20, with α and N', () => {
    for (const [T, alpha, N] of [
      [1, 0, 1],
      [4, 0.3, 128],
      [20, 0.9, 32],
    ]) {
      const { exact } = softTermGradient(student, teacher, T, alpha, N);
      const numeric = numericGradient(student, teacher, T, alpha, N);
      for (let i = 0; i < 10; i++) expect(exact[i]).toBeCloseTo(numeric[i], 8);
    }
  });

  it('gives hand-computed values for two classes', () => {
    // z = (1, 0), v = (0, 0), T = 1, α = 0, N = 1: q_0 = e/(e+1) = 0.7310586, p_0 = 0.5.
    const { exact, approximation } = softTermGradient([1, 0], [0, 0], 1, 0, 1);
    expect(exact[0]).toBeCloseTo(0.2310586, 6);
    expect(exact[1]).toBeCloseTo(-0.2310586, 6);
    // Zero-meaned: z = (0.5, −0.5), v = (0, 0) → (z_i − v_i)/K = ±0.25.
    expect(approximation[0]).toBeCloseTo(0.25, 12);
    expect(approximation[1]).toBeCloseTo(-0.25, 12);
  });

  it('converges to logit matching as T grows, with zero-meaned logits', () => {
    // Measured: 0.83 at T = 1, 0.98 at 2, 0.89 at 5, 0.45 at 10, 0.21 at 20, 0.082 at 50,
    // 0.0080 at 500: far apart while T is below the logits' spread (~14 here), then ∝ 1/T.
    const distance = [5, 10, 20, 50, 500].map(
      (T) => softTermGradient(student, teacher, T, 0.1, 1).relativeDistance,
    );
    for (let k = 1; k < distance.length; k++) expect(distance[k]).toBeLessThan(distance[k - 1]);
    expect(softTermGradient(student, teacher, 1, 0.1, 1).relativeDistance).toBeGreaterThan(0.5);
    expect(distance[4]).toBeLessThan(0.01);
    // ∝ 1/T: ten times the temperature, a tenth of the distance.
    expect(distance[3] / distance[4]).toBeCloseTo(10, 0);
    // And the exact gradient at T = 500 is the logit-matching gradient to 1%.
    const { exact, approximation } = softTermGradient(student, teacher, 500, 0.1, 1);
    for (let i = 0; i < 10; i++) expect(exact[i]).toBeCloseTo(approximation[i], 2);
  });

  it('does not converge without zero-meaning when the logits’ means differ', () => {
    const meanGap = (student.reduce((a, b) => a + b) - teacher.reduce((a, b) => a + b)) / 10;
    expect(Math.abs(meanGap)).toBeGreaterThan(0.1);
    const far = softTermGradient(student, teacher, 5000, 0, 1, false);
    // A plateau (0.088 here) where the zero-meaned pair is 0.0008 apart.
    expect(far.relativeDistance).toBeGreaterThan(0.05);
    expect(softTermGradient(student, teacher, 5000, 0, 1).relativeDistance).toBeLessThan(0.001);
    // The miss is the mean gap over K, in every class.
    for (let i = 0; i < 10; i++) {
      expect(far.approximation[i] - far.exact[i]).toBeCloseTo(meanGap / 10, 2);
    }
  });
});
