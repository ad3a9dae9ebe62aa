import { NUM_CLASSES } from '../data/mnistAssets.ts';
import { combineTeacherLogits } from '../kd/combineTeachers.ts';
import type { EvaluationJob } from './evaluation.ts';
import type { RunHistory } from './history.ts';
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

/**
 * A finished test-set evaluation: its logits become the members' latest, and the history gets
 * each member's errors and each learner's fidelity against its reference.
 */
export function recordFinishedEvaluation(
  job: EvaluationJob,
  id: number,
  recipe: Recipe,
  learners: readonly LearnerMember[],
  testLogits: Map<string, Float32Array>,
  history: RunHistory,
): { id: number; epoch: number; logits: Map<string, Float32Array> } {
  const count = job.testCount;
  for (const [member, logits] of job.logits) testLogits.set(member, logits);
  const references = referenceLogits(recipe, learners, testLogits, count);
  history.recordEvaluation(job.epoch, job.errors(), count, job.logits, references);
  return { id, epoch: job.epoch, logits: job.logits };
}
