/**
 * What a lesson is, as data: steps that set settings (like a preset), ask the learner to do
 * something, and make a claim that the page checks against the run it sees (checkClaim.ts).
 */
import type { Settings } from '../state/settingsSchema.ts';
import type { LessonId } from './lessonIds.ts';

/** Something observable about the run on the page, checked from engine state. */
export type ClaimCheck =
  /** The teacher's mean top probability over the sample digits, at the current T. */
  | { kind: 'teacherPeak'; atLeast?: number; atMost?: number }
  /** The teacher's mean second-largest probability over the sample digits, at the current T. */
  | { kind: 'teacherRunnerUp'; atLeast: number }
  /** A live setting is in a range (the learner moved a slider). */
  | {
      kind: 'setting';
      key: 'temperature' | 'alpha' | 'biasShift';
      atLeast?: number;
      atMost?: number;
    }
  /** Test errors of `member` (bias shift applied) below each of `than`'s. */
  | { kind: 'fewerErrors'; member: string; than: readonly string[] }
  /** Share of the test digits of class `digit` that `member` gets right. */
  | { kind: 'classRecall'; member: string; digit: number; atLeast: number }
  /** Not one example of `digit` among at least `minSeen` the learners trained on. */
  | { kind: 'neverSeen'; digit: number; minSeen: number }
  /** The bias shift raises `member`'s recall on `digit`. */
  | { kind: 'biasHelps'; member: string; digit: number }
  /**
   * How far the soft term's exact gradient is from its high-T limit (logit matching), relative,
   * for the first distilled learner on sample digit `sample` (kd/softTermGradient.ts).
   */
  | { kind: 'limitGap'; sample: number; atLeast?: number; atMost?: number }
  /** The teacher has been evaluated on the test set (the dark-knowledge map has its data). */
  | { kind: 'teacherEvaluated' }
  | { kind: 'all'; of: readonly ClaimCheck[] };

export interface LessonClaim {
  /** The claim in words, as the learner reads it. */
  text: string;
  check: ClaimCheck;
}

export interface LessonStep {
  title: string;
  /** What is going on, two or three sentences. */
  text: string;
  /** What the learner is asked to do. */
  task: string;
  /**
   * Settings this step sets when the learner arrives at it (a `preset` brings its values, the
   * step's own win). A restart-scope change starts a new run.
   */
  set?: Partial<Settings>;
  /** A slider the step's task needs, shown in the lesson itself (an embed may hide the controls). */
  slider?: 'temperature';
  claim?: LessonClaim;
}

export interface Lesson {
  id: Exclude<LessonId, 'none'>;
  title: string;
  /** One sentence for the lesson list. */
  summary: string;
  steps: readonly LessonStep[];
}
