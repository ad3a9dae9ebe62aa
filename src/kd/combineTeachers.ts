/**
 * Several teachers' logits → one set of targets for the learner (an ensemble teacher), on plain
 * arrays, in float64 (Hinton, Vinyals & Dean 2015 distil an ensemble; the two usual ways):
 *
 *   'mean-logits':        out = (1/K) Σ_k z_k
 *   'mean-probabilities': out = T · log((1/K) Σ_k softmax(z_k/T)), so softmax(out/T) is exactly
 *                         the mean of the teachers' probabilities at T (up to float32 rounding).
 *
 * The second is computed as T · (logsumexp_k log softmax(z_k/T) − log K), max-shifted, so it is
 * finite wherever the logits are. One teacher is copied unchanged, in both modes.
 */
import { logSoftmaxInto } from './softmax.ts';
import { assertShape, assertTemperature } from './validation.ts';

export type TeacherCombination = 'mean-logits' | 'mean-probabilities';

/**
 * Writes the combination of `rows` (one batch × classes row-major array per teacher) into `out`
 * and returns it. `out` may be one of the inputs: each row is read in full before it is written.
 */
export function combineTeacherLogits(
  rows: readonly Float32Array[],
  batch: number,
  classes: number,
  mode: TeacherCombination,
  temperature: number,
  out: Float32Array,
): Float32Array {
  if (rows.length === 0) throw new RangeError('combineTeacherLogits needs at least one teacher');
  assertTemperature(temperature);
  for (const teacher of rows) assertShape(teacher.length, batch, classes);
  assertShape(out.length, batch, classes);
  const teachers = rows.length;
  if (teachers === 1) {
    if (out !== rows[0]) out.set(rows[0]);
    return out;
  }
  if (mode === 'mean-logits') {
    for (let j = 0; j < batch * classes; j++) {
      let sum = 0;
      for (let k = 0; k < teachers; k++) sum += rows[k][j];
      out[j] = sum / teachers;
    }
    return out;
  }
  if (mode !== 'mean-probabilities') throw new RangeError(`unknown teacher combination "${mode}"`);
  const logProbs = rows.map(() => new Float64Array(classes));
  const logTeachers = Math.log(teachers);
  for (let r = 0; r < batch; r++) {
    const base = r * classes;
    for (let k = 0; k < teachers; k++) {
      logSoftmaxInto(rows[k], base, classes, temperature, logProbs[k]);
    }
    for (let i = 0; i < classes; i++) {
      let max = -Infinity;
      for (let k = 0; k < teachers; k++) max = Math.max(max, logProbs[k][i]);
      let sum = 0;
      for (let k = 0; k < teachers; k++) sum += Math.exp(logProbs[k][i] - max);
      out[base + i] = temperature * (max + Math.log(sum) - logTeachers);
    }
  }
  return out;
}
