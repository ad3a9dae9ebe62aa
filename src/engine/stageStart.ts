/** What changes when a later stage of learners starts (born-again, teacher assistants, FitNets). */
import { copyWeights } from '../models/mlp.ts';
import type { RunHistory } from './history.ts';
import type { LearnerMember, TeacherMember } from './members.ts';
import type { Recipe } from './recipe.ts';
import { cachedTeachers } from './targets.ts';
import type { TeacherOutputCache } from './teacherCache.ts';

/** Teachers a stage's learners listen to whose outputs are not cached yet. */
export function uncachedTeachers(
  recipe: Recipe,
  teachers: readonly TeacherMember[],
  stageLearners: readonly LearnerMember[],
  cache: TeacherOutputCache,
): TeacherMember[] {
  const needed = cachedTeachers(
    recipe,
    stageLearners.map((l) => l.spec),
  );
  return teachers.filter((t) => needed.has(t.spec.id) && !cache.has(t.spec.id));
}

/**
 * Teachers that come from a learner of an earlier stage take its model, frozen from now on, and
 * its latest test logits (for the fidelity of the learners they teach).
 */
export function adoptLearnerTeachers(
  teachers: readonly TeacherMember[],
  learners: readonly LearnerMember[],
  stage: number,
  testLogits: Map<string, Float32Array>,
  history: RunHistory,
): void {
  for (const t of teachers) {
    if (t.spec.source.kind !== 'learner' || t.model) continue;
    const from = t.spec.source.learner;
    const learner = learners.find((l) => l.spec.id === from)!;
    if (learner.stage >= stage) continue;
    t.model = learner.model;
    const logits = testLogits.get(from);
    if (logits) testLogits.set(t.spec.id, logits);
    if (history.latest[from]) history.latest[t.spec.id] = { errors: history.latest[from].errors };
  }
}

/** A learner copying one of an earlier stage starts from that learner's weights as they are now. */
export function copyEarlierLearners(learners: readonly LearnerMember[], stage: number): void {
  for (const l of learners) {
    if (l.stage !== stage || l.spec.init.kind !== 'copy') continue;
    const of = l.spec.init.of;
    const source = learners.find((s) => s.spec.id === of)!;
    if (source.stage < stage) copyWeights(l.model, source.model);
  }
}
