/**
 * How several teachers' outputs become one target: an ensemble's mean (of logits or of
 * probabilities at T, combineTeachers.ts) or specialists' product (combineSpecialists.ts).
 */
import { combineSpecialistLogits, type Specialist } from './combineSpecialists.ts';
import { combineTeacherLogits } from './combineTeachers.ts';

export type CombineRule =
  | { kind: 'mean-logits' }
  | { kind: 'mean-probabilities' }
  | { kind: 'specialists'; specialists: readonly Specialist[] };

export function combineTargets(
  rows: readonly Float32Array[],
  batch: number,
  classes: number,
  rule: CombineRule,
  temperature: number,
  out: Float32Array,
): Float32Array {
  if (rule.kind === 'specialists')
    return combineSpecialistLogits(rows, batch, classes, rule.specialists, temperature, out);
  return combineTeacherLogits(rows, batch, classes, rule.kind, temperature, out);
}
