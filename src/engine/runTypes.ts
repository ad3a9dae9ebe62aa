import type { MnistSplit } from '../data/batches.ts';
import type { MatMul } from '../kernels/denseMatMul.ts';
import type { TeacherMember, TeacherWeights } from './members.ts';
import type { PartnerLink } from './partner/partnerLink.ts';

export interface RunData {
  train: MnistSplit;
  test: MnistSplit;
}

export interface RunOptions {
  matMul: MatMul;
  /** Weights of the recipe's pretrained teachers, by file name. */
  pretrained?: ReadonlyMap<string, TeacherWeights>;
  /** Called after each epoch of a teacher trained here (train:teacher evaluates and saves). */
  onTeacherEpoch?: (teacher: TeacherMember, epochsDone: number, meanLoss: number) => void;
  /**
   * A second worker that trains half of each stage's learners beside this one (two or more
   * learners in a stage); without it, or once it has failed, every learner trains here.
   */
  partner?: PartnerLink;
}

/**
 * What one tick did, so the loop knows whether to post a snapshot at once; 'waiting': a step
 * waits for the partner worker's half (the loop awaits `Run.waiting()`).
 */
export type TickResult = 'trained' | 'phase-changed' | 'diverged' | 'idle' | 'waiting';
