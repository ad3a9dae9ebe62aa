import { NUM_CLASSES } from '../data/mnistAssets.ts';
import { combineTargets } from '../kd/combineRule.ts';
import { countErrors } from '../kd/metrics.ts';
import type { EvaluationJob } from './evaluation.ts';
import type { RunHistory } from './history.ts';
import type { LearnerMember } from './members.ts';
import type { Recipe } from './recipe.ts';
import { targetSource } from './targets.ts';

/** Test logits (T = 1) of the teachers `teachers` stand for, combined; null while one is missing. */
function combinedTestLogits(
  recipe: Recipe,
  teachers: readonly string[],
  combine: LearnerMember['spec']['combine'],
  testLogits: ReadonlyMap<string, Float32Array>,
  testCount: number,
): Float32Array | null {
  const { members, rule } = targetSource(recipe, teachers, combine);
  const rows = members.map((t) => testLogits.get(t));
  if (rows.length === 0 || rows.some((r) => !r)) return null;
  if (rows.length === 1) return rows[0]!;
  const out = new Float32Array(testCount * NUM_CLASSES);
  return combineTargets(rows as Float32Array[], testCount, NUM_CLASSES, rule, 1, out);
}

/**
 * What each learner's fidelity is measured against, on the test set at T = 1: its teachers'
 * combined logits; for a learner without teachers (the hard-label control), the teachers of its
 * stage's distilled learner, so "how much does it agree with the teacher" reads the same in
 * every row.
 */
export function referenceLogits(
  recipe: Recipe,
  learners: readonly LearnerMember[],
  testLogits: ReadonlyMap<string, Float32Array>,
  testCount: number,
): Map<string, Float32Array> {
  const references = new Map<string, Float32Array>();
  // A learner without teachers is compared with what its stage's distilled learners learn from.
  const taughtBy = (stage: number) =>
    learners.find((l) => l.stage === stage && l.spec.teachers.length > 0) ??
    learners.find((l) => l.spec.teachers.length > 0);
  for (const l of learners) {
    const taught = l.spec.teachers.length > 0 ? l : taughtBy(l.stage);
    const teachers = taught?.spec.teachers ?? recipe.teachers.slice(0, 1).map((t) => t.id);
    const combine = taught?.spec.combine;
    const reference = combinedTestLogits(recipe, teachers, combine, testLogits, testCount);
    if (reference) references.set(l.spec.id, reference);
  }
  return references;
}

/**
 * A finished test-set evaluation: its logits become the members' latest; a combined teacher
 * (an ensemble) whose members are all evaluated now gets its own logits and errors; the history
 * gets each member's errors and each learner's fidelity against its reference.
 */
export function recordFinishedEvaluation(
  job: EvaluationJob,
  id: number,
  recipe: Recipe,
  learners: readonly LearnerMember[],
  testLogits: Map<string, Float32Array>,
  history: RunHistory,
  labels: ArrayLike<number>,
): { id: number; epoch: number; logits: Map<string, Float32Array> } {
  const count = job.testCount;
  const logits = new Map(job.logits);
  const errors = job.errors();
  for (const [member, l] of logits) testLogits.set(member, l);
  for (const t of recipe.teachers) {
    if (t.source.kind !== 'combined') continue;
    // Once, and again whenever one of its members was evaluated anew (members trained here).
    if (testLogits.has(t.id) && !t.source.members.some((m) => job.logits.has(m))) continue;
    const combined = combinedTestLogits(recipe, [t.id], undefined, testLogits, count);
    if (!combined) continue;
    testLogits.set(t.id, combined);
    logits.set(t.id, combined);
    errors.push([t.id, countErrors(combined, labels, NUM_CLASSES)]);
  }
  const references = referenceLogits(recipe, learners, testLogits, count);
  history.recordEvaluation(job.epoch, errors, count, logits, references);
  return { id, epoch: job.epoch, logits };
}
