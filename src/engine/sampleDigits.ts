import type { MnistSplit } from '../data/batches.ts';
import { IMAGE_SIZE, NUM_CLASSES } from '../data/mnistAssets.ts';
import type { SampleDigits } from './protocol.ts';

/** The first test image of each class 0–9: one of every digit for the soft-target panel. */
export function pickSampleDigits(test: MnistSplit): SampleDigits {
  const indices: number[] = [];
  for (let c = 0; c < NUM_CLASSES; c++) {
    const i = test.labels.indexOf(c);
    if (i >= 0) indices.push(i);
  }
  return sampleDigitsAt(test, indices);
}

/** These test digits, with their labels and pixels. */
export function sampleDigitsAt(test: MnistSplit, indices: readonly number[]): SampleDigits {
  const pixels = new Uint8Array(indices.length * IMAGE_SIZE);
  indices.forEach((index, k) =>
    pixels.set(test.images.subarray(index * IMAGE_SIZE, (index + 1) * IMAGE_SIZE), k * IMAGE_SIZE),
  );
  return { indices: [...indices], labels: indices.map((i) => test.labels[i]), pixels };
}
