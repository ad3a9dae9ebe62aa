/**
 * The small batch the loss and objective tests share: 3 rows × 4 classes of student and teacher
 * logits, and a label per row. Plain arrays, so each test builds (and disposes) its own tensors.
 */

export const STUDENT = [
  [1.0, -0.5, 0.3, 2.0],
  [0.2, 0.1, -1.2, 0.7],
  [-2.0, 1.5, 0.0, 0.4],
];
export const TEACHER = [
  [2.5, -1.0, 0.0, 1.0],
  [-0.3, 0.8, -2.0, 1.9],
  [-1.0, 3.0, 0.5, -0.5],
];
export const LABELS = [3, 1, 1];
/** Rows in the batch. */
export const N = STUDENT.length;
