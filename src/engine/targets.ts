import type { CombineRule } from '../kd/combineRule.ts';
import type { LearnerSpec, Recipe } from './recipe.ts';

/** Whose cached outputs make a learner's targets, and how they combine. */
export interface TargetSource {
  members: readonly string[];
  rule: CombineRule;
}

/**
 * A learner's teachers as cached members and a rule: one teacher as it is; a combined teacher
 * (ensemble, specialists) as its members and its rule; several teachers listed by the learner
 * as their mean (`combine`).
 */
export function targetSource(
  recipe: Recipe,
  teachers: readonly string[],
  combine: LearnerSpec['combine'] = 'mean-logits',
): TargetSource {
  if (teachers.length === 1) {
    const spec = recipe.teachers.find((t) => t.id === teachers[0]);
    if (spec?.source.kind === 'combined')
      return { members: spec.source.members, rule: spec.source.rule };
  }
  return { members: teachers, rule: { kind: combine } };
}

/** Every teacher whose outputs must be cached for these learners (members of combined ones too). */
export function cachedTeachers(recipe: Recipe, learners: readonly LearnerSpec[]): Set<string> {
  const ids = new Set<string>();
  for (const l of learners) {
    for (const id of targetSource(recipe, l.teachers, l.combine).members) ids.add(id);
    if (l.hint) ids.add(l.hint.teacher);
  }
  return ids;
}
