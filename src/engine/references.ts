import { NUM_CLASSES } from '../data/mnistAssets.ts';
import { combineTeacherLogits } from '../kd/combineTeachers.ts';
import type { LearnerMember } from './members.ts';
import type { Recipe } from './recipe.ts';

/**
 * What each learner's fidelity is measured against, on the test set at T = 1: its teachers'
 * combined logits; for a learner without teachers (the hard-label control), the run's first
 * teacher, so "how much does it agree with the teacher" reads the same in every row.
 */
export function referenceLogits(
  recipe: Recipe,
  learners: readonly LearnerMember[],
  testLogits: ReadonlyMap<string, Float32Array>,
  testCount: number,
): Map<string, Float32Array> {
  const references = new Map<string, Float32Array>();
  const firstTeacher = recipe.teachers[0]?.id;
  for (const l of learners) {
    const teachers =
      l.spec.teachers.length > 0 ? l.spec.teachers : firstTeacher ? [firstTeacher] : [];
    const rows = teachers.map((t) => testLogits.get(t));
    if (rows.length === 0 || rows.some((r) => !r)) continue;
    if (rows.length === 1) {
      references.set(l.spec.id, rows[0]!);
      continue;
    }
    const out = new Float32Array(testCount * NUM_CLASSES);
    combineTeacherLogits(
      rows as Float32Array[],
      testCount,
      NUM_CLASSES,
      l.spec.combine ?? 'mean-logits',
      1,
      out,
    );
    references.set(l.spec.id, out);
  }
  return references;
}
