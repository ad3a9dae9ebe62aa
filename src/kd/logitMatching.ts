/**
 * Logit matching (Caruana / Ba & Caruana 2014): MSE between the zero-meaned logits of student and
 * teacher. It is the T → ∞ limit of distillation: T² · KL(softmax(z_t/T) ‖ softmax(z_s/T)) → ½ · this.
 * Zero-meaning each row first makes it blind to a per-example constant shift, as softmax is.
 */
import { assertShape } from './validation.ts';

/**
 * mean over rows n and classes i of (d_{n,i} − mean_j d_{n,j})², with d = student − teacher.
 * Centering the difference is the same as differencing the centered rows. 0 for an empty batch.
 */
export function logitMatchingMse(
  student: ArrayLike<number>,
  teacher: ArrayLike<number>,
  rows: number,
  classes: number,
): number {
  assertShape(student.length, rows, classes);
  assertShape(teacher.length, rows, classes);
  if (rows * classes === 0) return 0;
  let squares = 0;
  for (let r = 0; r < rows; r++) {
    const base = r * classes;
    let rowMean = 0;
    for (let i = 0; i < classes; i++) rowMean += student[base + i] - teacher[base + i];
    rowMean /= classes;
    for (let i = 0; i < classes; i++) {
      const centered = student[base + i] - teacher[base + i] - rowMean;
      squares += centered * centered;
    }
  }
  return squares / (rows * classes);
}
