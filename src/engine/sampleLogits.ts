import * as tf from '@tensorflow/tfjs';
import type { MnistSplit } from '../data/batches.ts';
import { fillBatch } from '../data/batches.ts';
import { IMAGE_SIZE, NUM_CLASSES } from '../data/mnistAssets.ts';
import { combineTargets } from '../kd/combineRule.ts';
import type { Mlp } from '../models/mlp.ts';
import type { LearnerMember, TeacherMember } from './members.ts';
import type { Phase } from './protocol.ts';
import { predictLogits } from './steps.ts';

interface RunView {
  phase: Phase;
  teachers: readonly TeacherMember[];
  learners: readonly LearnerMember[];
}

/** Frozen members' sample logits, computed once per member and digit set (not per snapshot). */
const frozenCache = new WeakMap<Mlp, { key: string; logits: Float32Array }>();

/**
 * Logits (count × 10) of each member that has weights, on these test digits, for the soft-target
 * panel. A teacher that no longer trains cannot change: its logits are computed once.
 */
export function sampleLogitsOf(
  run: RunView,
  test: MnistSplit,
  indices: readonly number[],
): Record<string, Float32Array> {
  const pixels = new Float32Array(indices.length * IMAGE_SIZE);
  const labels = new Int32Array(indices.length);
  fillBatch(test, indices, 0, indices.length, pixels, labels);
  const x = tf.tensor2d(pixels, [indices.length, IMAGE_SIZE]);
  const key = indices.join();
  const teachersFrozen = run.phase !== 'ready' && run.phase !== 'teachers';
  const out: Record<string, Float32Array> = {};
  try {
    for (const t of run.teachers) {
      if (!t.model) continue;
      const frozen = teachersFrozen || t.spec.source.kind === 'pretrained';
      const cached = frozen ? frozenCache.get(t.model) : undefined;
      let logits: Float32Array;
      if (cached?.key === key) {
        logits = cached.logits;
      } else {
        logits = predictLogits(t.model, x);
        if (frozen) frozenCache.set(t.model, { key, logits });
      }
      // A copy: the worker transfers (detaches) the arrays it posts.
      out[t.spec.id] = logits.slice();
    }
    for (const l of run.learners) out[l.spec.id] = predictLogits(l.model, x);
    // A combined teacher (ensemble, specialists): its members' sample logits combined at T = 1.
    for (const t of run.teachers) {
      if (t.spec.source.kind !== 'combined') continue;
      const rows = t.spec.source.members.map((m) => out[m]);
      if (rows.some((r) => !r)) continue;
      const combined = new Float32Array(rows[0].length);
      out[t.spec.id] = combineTargets(
        rows,
        indices.length,
        NUM_CLASSES,
        t.spec.source.rule,
        1,
        combined,
      );
    }
  } finally {
    x.dispose();
  }
  return out;
}
