import * as tf from '@tensorflow/tfjs';
import type { MnistSplit } from '../data/batches.ts';
import { fillBatch } from '../data/batches.ts';
import { IMAGE_SIZE, NUM_CLASSES } from '../data/mnistAssets.ts';
import { combineTargets } from '../kd/combineRule.ts';
import type { Mlp } from '../models/mlp.ts';
import type { LearnerMember, TeacherMember } from './members.ts';
import type { Phase } from './protocol.ts';
import { predictLogits } from './steps.ts';

export interface RunView {
  phase: Phase;
  teachers: readonly TeacherMember[];
  learners: readonly LearnerMember[];
}

/** Frozen members' sample logits, computed once per member and digit set (not per snapshot). */
const frozenCache = new WeakMap<Mlp, { key: string; logits: Float32Array }>();

/**
 * Logits (count × 10) of each member that has weights, on `count` images (pixels 0–1). A
 * teacher that no longer trains cannot change: with a `cacheKey` (the images' identity) its
 * logits are computed once. A combined teacher (ensemble, specialists) gets its members'
 * logits combined at T = 1.
 */
export function memberLogits(
  run: RunView,
  pixels: Float32Array,
  count: number,
  cacheKey?: string,
): Record<string, Float32Array> {
  const x = tf.tensor2d(pixels, [count, IMAGE_SIZE]);
  const teachersFrozen = run.phase !== 'ready' && run.phase !== 'teachers';
  const out: Record<string, Float32Array> = {};
  try {
    for (const t of run.teachers) {
      if (!t.model) continue;
      const frozen = teachersFrozen || t.spec.source.kind === 'pretrained';
      const cached = frozen && cacheKey !== undefined ? frozenCache.get(t.model) : undefined;
      let logits: Float32Array;
      if (cached && cached.key === cacheKey) {
        logits = cached.logits;
      } else {
        logits = predictLogits(t.model, x);
        if (frozen && cacheKey !== undefined) frozenCache.set(t.model, { key: cacheKey, logits });
      }
      // A copy: the worker transfers (detaches) the arrays it posts.
      out[t.spec.id] = logits.slice();
    }
    for (const l of run.learners) out[l.spec.id] = predictLogits(l.model, x);
    for (const t of run.teachers) {
      if (t.spec.source.kind !== 'combined') continue;
      const rows = t.spec.source.members.map((m) => out[m]);
      if (rows.some((r) => !r)) continue;
      const combined = new Float32Array(rows[0].length);
      out[t.spec.id] = combineTargets(rows, count, NUM_CLASSES, t.spec.source.rule, 1, combined);
    }
  } finally {
    x.dispose();
  }
  return out;
}

/** Logits of each member on these test digits, for the soft-target panel. */
export function sampleLogitsOf(
  run: RunView,
  test: MnistSplit,
  indices: readonly number[],
): Record<string, Float32Array> {
  const pixels = new Float32Array(indices.length * IMAGE_SIZE);
  const labels = new Int32Array(indices.length);
  fillBatch(test, indices, 0, indices.length, pixels, labels);
  return memberLogits(run, pixels, indices.length, indices.join());
}
