import type { MnistSplit } from '../data/batches.ts';
import type { MatMul } from '../kernels/denseMatMul.ts';
import type { TeacherMember, TeacherWeights } from './members.ts';

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
}

/** What one tick did, so the loop knows whether to post a snapshot at once. */
export type TickResult = 'trained' | 'phase-changed' | 'diverged' | 'idle';
