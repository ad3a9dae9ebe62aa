/** The guided lessons, each reachable by a link (`?lesson=missing-3&step=2`); their steps: lessons.ts. */
export const LESSON_IDS = [
  'none',
  'temperature',
  'soft-vs-hard',
  'missing-3',
  'small-student',
  'logit-matching',
  'ensemble',
] as const;

export type LessonId = (typeof LESSON_IDS)[number];

/** The most steps a lesson may have: the bound of the `step` setting. */
export const MAX_LESSON_STEPS = 12;
