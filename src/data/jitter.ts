import { IMAGE_SIDE, IMAGE_SIZE } from './mnistAssets.ts';
import type { MnistSplit } from './batches.ts';

/**
 * Like fillBatch, but each image is translated by a random whole number of pixels in
 * [−maxShift, maxShift] on each axis (zero fill), the input jitter Hinton et al. (2015) used for
 * the MNIST teacher. `random` returns numbers in [0, 1).
 */
export function fillBatchJittered(
  split: MnistSplit,
  order: ArrayLike<number>,
  start: number,
  size: number,
  pixelsOut: Float32Array,
  labelsOut: Int32Array,
  random: () => number,
  maxShift: number,
): void {
  const scale = 1 / 255;
  const span = 2 * maxShift + 1;
  pixelsOut.fill(0, 0, size * IMAGE_SIZE);
  for (let b = 0; b < size; b++) {
    const index = order[start + b];
    const dx = Math.floor(random() * span) - maxShift;
    const dy = Math.floor(random() * span) - maxShift;
    const src = index * IMAGE_SIZE;
    const dst = b * IMAGE_SIZE;
    for (let y = Math.max(0, dy); y < Math.min(IMAGE_SIDE, IMAGE_SIDE + dy); y++) {
      const srcRow = src + (y - dy) * IMAGE_SIDE;
      const dstRow = dst + y * IMAGE_SIDE;
      for (let x = Math.max(0, dx); x < Math.min(IMAGE_SIDE, IMAGE_SIDE + dx); x++) {
        pixelsOut[dstRow + x] = split.images[srcRow + x - dx] * scale;
      }
    }
    labelsOut[b] = split.labels[index];
  }
}
