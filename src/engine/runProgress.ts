import type { EvaluationJob } from './evaluation.ts';
import type { Phase, Progress } from './protocol.ts';
import type { TeacherTrainer } from './teacherTraining.ts';

/** What a run is doing, as the numbers the page words (protocol `Progress`). */
export interface ProgressState {
  phase: Phase;
  evaluation: EvaluationJob | null;
  testCount: number;
  /** The teacher training now, in the teachers phase. */
  teacher: TeacherTrainer | undefined;
  caching: { members: string[]; done: number; total: number };
  learners: { members: string[]; done: number; total: number };
}

/** An evaluation in progress comes first: it pauses whatever the phase is doing. */
export function describeProgress(state: ProgressState): Progress {
  const { evaluation } = state;
  if (evaluation) {
    return {
      activity: 'evaluating',
      done: Math.round(evaluation.fraction * state.testCount),
      total: state.testCount,
      members: evaluation.members,
    };
  }
  switch (state.phase) {
    case 'teachers': {
      const t = state.teacher!;
      return {
        activity: 'training',
        done: t.epoch,
        total: t.training.epochs,
        members: [t.member.spec.id],
      };
    }
    case 'caching':
      return { activity: 'caching', ...state.caching };
    case 'learners':
      return { activity: 'training', ...state.learners };
    case 'done':
      return { activity: 'done', done: 1, total: 1, members: [] };
    default:
      return { activity: 'ready', done: 0, total: 1, members: [] };
  }
}
