import { IMAGE_SIZE, NUM_CLASSES } from '../data/mnistAssets.ts';
import type { StudentSize } from '../engine/protocol.ts';
import type { Mlp } from './mlp.ts';
import { createMlp } from './mlp.ts';

/**
 * Hinton, Vinyals & Dean 2015, §3: the MNIST teacher is 784-1200-1200-10 trained with dropout
 * (Srivastava et al. 2014 use 20% on the input, 50% on hidden units); students have no
 * regularization.
 */
export const TEACHER_SIZES = [IMAGE_SIZE, 1200, 1200, NUM_CLASSES] as const;
export const TEACHER_DROPOUT = { input: 0.2, hidden: 0.5 };

export const STUDENT_HIDDEN: Record<StudentSize, readonly [number, number]> = {
  '800-800': [800, 800],
  '300-300': [300, 300],
  '30-30': [30, 30],
};

export function studentSizes(size: StudentSize): number[] {
  return [IMAGE_SIZE, ...STUDENT_HIDDEN[size], NUM_CLASSES];
}

export function createTeacher(seed: number): Mlp {
  return createMlp('teacher', TEACHER_SIZES, seed, TEACHER_DROPOUT);
}

/** The distilled student; the control student is a clone of it (same initial weights). */
export function createStudent(size: StudentSize, seed: number): Mlp {
  return createMlp('student', studentSizes(size), seed + 1);
}
