/**
 * The matrix products one training step really computes, for the bench's ceiling: each one
 * timed alone, the best way the backend can, and summed, is a time no step can beat.
 */
import { studentSizes, TEACHER_SIZES, type StudentSize } from '../models/architectures.ts';
import type { StepTiming } from './benchProtocol.ts';

/** C (m × n) = A (m × k) · B (k × n). */
export interface Product {
  m: number;
  k: number;
  n: number;
}

/**
 * One name for a product and its transpose (Cᵀ = Bᵀ · Aᵀ is the same work, and the ceiling
 * times both orientations): the smaller outer size first.
 */
export function shapeKey({ m, k, n }: Product): string {
  return `${Math.min(m, n)}x${k}x${Math.max(m, n)}`;
}

export function productFlops({ m, k, n }: Product): number {
  return 2 * m * k * n;
}

/** The forward pass of a dense net with these widths on `batch` examples: x · W per layer. */
export function forwardProducts(sizes: readonly number[], batch: number): Product[] {
  const products: Product[] = [];
  for (let l = 0; l + 1 < sizes.length; l++)
    products.push({ m: batch, k: sizes[l], n: sizes[l + 1] });
  return products;
}

/**
 * A training step (mlp.ts with denseMatMul.ts's kernels): per layer [in, out] the forward
 * x · W (B × in · in × out), the weight gradient xᵀ · dY (in × B · B × out) and, except in the
 * first layer, the input gradient dY · Wᵀ (B × out · out × in). The first layer's input is the
 * images: matMulExplicitTranspose skips that product, and tfjs's stock gradient prunes it (no
 * gradient is asked of the images). Biases, ReLU, dropout, the loss and Adam are not products.
 */
export function trainingStepProducts(sizes: readonly number[], batch: number): Product[] {
  const products = forwardProducts(sizes, batch);
  for (let l = 0; l + 1 < sizes.length; l++) {
    const [inUnits, outUnits] = [sizes[l], sizes[l + 1]];
    products.push({ m: inUnits, k: batch, n: outUnits });
    if (l > 0) products.push({ m: batch, k: outUnits, n: inUnits });
  }
  return products;
}

/**
 * The products of one timed bench step. The distilled step reads the teacher's logits from the
 * cache (fixed logits in the bench, as the session's teacher-output cache), so it has no teacher
 * forward; the naive peer runs the teacher's forward pass inside every step.
 */
export function benchStepProducts(
  model: StepTiming['model'],
  studentSize: StudentSize | null,
  batch: number,
): Product[] {
  if (model === 'teacher' || studentSize === null)
    return trainingStepProducts(TEACHER_SIZES, batch);
  const student = trainingStepProducts(studentSizes(studentSize), batch);
  return model === 'naive-distilled'
    ? [...student, ...forwardProducts(TEACHER_SIZES, batch)]
    : student;
}
