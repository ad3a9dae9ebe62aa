import type { MnistSplit } from './batches.ts';
import { seededPermutation } from './batches.ts';

export interface TransferSetSpec {
  /** Digit classes the students may see. */
  digits: readonly number[];
  /** Share of the training set to draw from, 0–1 (a seeded random subset, taken before the digit filter). */
  fraction: number;
  seed: number;
}

/**
 * Indices (into the training split) of the transfer set the students train on. The fraction is
 * taken first, so "3% of the data" and "the missing 3" compose the way one would expect.
 */
export function buildTransferSet(train: MnistSplit, spec: TransferSetSpec): Int32Array {
  const allowed = new Set(spec.digits);
  const count = Math.max(1, Math.round(train.count * Math.min(1, Math.max(0, spec.fraction))));
  const subset =
    count >= train.count
      ? Int32Array.from({ length: train.count }, (_, i) => i)
      : seededPermutation(train.count, spec.seed * 7919 + 17)
          .subarray(0, count)
          .sort();
  return subset.filter((i) => allowed.has(train.labels[i]));
}
