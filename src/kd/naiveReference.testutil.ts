/**
 * Independent float64 reference for the tests: the textbook formulas, with plain exp and no
 * max-shift. Only valid for small logits (|z/T| ≲ 700), which is all the tests feed it.
 */

export function naiveSoftmax(logits: readonly number[], temperature: number): number[] {
  const e = logits.map((z) => Math.exp(z / temperature));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** KL(p ‖ q) = Σ p log p − Σ p log q, with 0 · log 0 = 0. */
export function naiveKl(p: readonly number[], q: readonly number[]): number {
  let plogp = 0;
  let plogq = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] === 0) continue;
    plogp += p[i] * Math.log(p[i]);
    plogq += p[i] * Math.log(q[i]);
  }
  return plogp - plogq;
}

export interface NaiveKdTerms {
  /** mean_n −log softmax(z_s)_y */
  crossEntropy: number;
  /** mean_n KL(softmax(z_t/T) ‖ softmax(z_s/T)) */
  kl: number;
  hard: number;
  soft: number;
  total: number;
}

export function naiveKdTerms(
  student: readonly number[][],
  teacher: readonly number[][],
  labels: readonly number[],
  temperature: number,
  alpha: number,
): NaiveKdTerms {
  const n = student.length;
  let crossEntropy = 0;
  let kl = 0;
  for (let r = 0; r < n; r++) {
    crossEntropy -= Math.log(naiveSoftmax(student[r], 1)[labels[r]]) / n;
    kl += naiveKl(naiveSoftmax(teacher[r], temperature), naiveSoftmax(student[r], temperature)) / n;
  }
  const hard = alpha * crossEntropy;
  const soft = (1 - alpha) * temperature * temperature * kl;
  return { crossEntropy, kl, hard, soft, total: hard + soft };
}
