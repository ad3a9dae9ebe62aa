import seedrandom from 'seedrandom';
import { IMAGE_SIZE } from './mnistAssets.ts';

/** One split of MNIST as it arrives: uint8 pixels (count × 784) and uint8 labels. */
export interface MnistSplit {
  count: number;
  images: Uint8Array;
  labels: Uint8Array;
}

/** A seeded Fisher–Yates shuffle of 0..n-1: the same seed gives the same batch order. */
export function seededPermutation(n: number, seed: number): Int32Array {
  const random = seedrandom(`kd-playground:${seed}`);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}

/**
 * Copies the images `order[start .. start+size)` into `pixelsOut` as floats in [0, 1] and their
 * labels into `labelsOut`. Pixels stay uint8 in memory until a batch needs them.
 */
export function fillBatch(
  split: MnistSplit,
  order: ArrayLike<number>,
  start: number,
  size: number,
  pixelsOut: Float32Array,
  labelsOut: Int32Array,
): void {
  const scale = 1 / 255;
  for (let b = 0; b < size; b++) {
    const index = order[start + b];
    const src = index * IMAGE_SIZE;
    const dst = b * IMAGE_SIZE;
    for (let p = 0; p < IMAGE_SIZE; p++) pixelsOut[dst + p] = split.images[src + p] * scale;
    labelsOut[b] = split.labels[index];
  }
}

/** Rows `order[start .. start+size)` of a row-major (count × width) float array. */
export function gatherRows(
  source: Float32Array,
  width: number,
  order: ArrayLike<number>,
  start: number,
  size: number,
  out: Float32Array,
): void {
  for (let b = 0; b < size; b++) {
    const src = order[start + b] * width;
    out.set(source.subarray(src, src + width), b * width);
  }
}

/** Number of examples of each class among `labels`. */
export function classCounts(labels: ArrayLike<number>, classes = 10): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < labels.length; i++) counts[labels[i]]++;
  return counts;
}
