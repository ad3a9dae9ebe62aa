/**
 * How a sweep scores a learner: errors on two halves of the 10,000 test digits. Configurations are
 * chosen on the first half (validation) and the chosen one is reported on the second (held out),
 * so picking the best of many cells does not flatter it; the full-set errors are what the page's
 * own run of that cell shows.
 */
import { NUM_CLASSES } from '../../data/mnistAssets.ts';
import { argmaxRows } from '../../kd/metrics.ts';

export interface SweepScore {
  /** Errors on the first half of the test set: what a sweep chooses by. */
  validation: number;
  /** Errors on the second half: what the chosen configuration is reported with. */
  heldOut: number;
  /** Errors on all of it. */
  test: number;
}

export function scoreLogits(logits: Float32Array, labels: Uint8Array): SweepScore {
  const predicted = argmaxRows(logits, labels.length, NUM_CLASSES);
  const half = Math.floor(labels.length / 2);
  let validation = 0;
  let heldOut = 0;
  for (let n = 0; n < labels.length; n++) {
    if (predicted[n] === labels[n]) continue;
    if (n < half) validation++;
    else heldOut++;
  }
  return { validation, heldOut, test: validation + heldOut };
}

/** Mean of each score over seeds. */
export function meanScore(scores: readonly SweepScore[]): SweepScore {
  const mean = (pick: (s: SweepScore) => number) =>
    scores.reduce((sum, s) => sum + pick(s), 0) / scores.length;
  return {
    validation: mean((s) => s.validation),
    heldOut: mean((s) => s.heldOut),
    test: mean((s) => s.test),
  };
}

/** The grid cell with the fewest validation errors (mean over seeds). */
export function bestByValidation(cells: Record<string, SweepScore>): string {
  return Object.entries(cells).reduce((best, entry) =>
    entry[1].validation < best[1].validation ? entry : best,
  )[0];
}
