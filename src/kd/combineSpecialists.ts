/**
 * Specialists → one distribution over every class. Each specialist k was trained on all images
 * with its own classes `own_k` kept and every other digit relabelled as its "none of mine"
 * (dustbin) class, as Hinton, Vinyals & Dean (2015, §5) train their specialists. Its
 * distribution at T, p_k, is the softmax over its own slots and its dustbin slot only. If the
 * specialists are independent given the image (a product of experts, Hinton 2002), the class c
 * owned by specialist k has
 *
 *   q(c) ∝ p_k(c) · Π_{j ≠ k} p_j(none_j)
 *
 * normalised over all classes: k must claim c, and every other specialist must call it "none of
 * mine". (Vongkulbhisal et al. 2019, "Unifying Heterogeneous Classifiers with Distillation",
 * combine classifiers over different class sets the same way.) Computed in log space, and written
 * as out = T · log q, so that softmax(out/T) = q: every KD objective reads it as teacher logits.
 */
import { assertShape, assertTemperature } from './validation.ts';

export interface Specialist {
  /** The classes it knows. Together the specialists must cover every class exactly once. */
  own: readonly number[];
  /** Its output slot for "none of mine" (a slot that is none of its own classes). */
  none: number;
}

function assertPartition(specialists: readonly Specialist[], classes: number): void {
  const owner = new Array<number>(classes).fill(-1);
  specialists.forEach((s, k) => {
    if (s.own.includes(s.none))
      throw new RangeError(`specialist ${k}'s dustbin slot is one of its classes`);
    for (const c of s.own) {
      if (owner[c] !== -1) throw new RangeError(`class ${c} has two specialists`);
      owner[c] = k;
    }
  });
  const missing = owner.findIndex((k) => k === -1);
  if (missing >= 0) throw new RangeError(`class ${missing} has no specialist`);
}

/** log of the softmax over `slots` of z/T (max-shifted), by slot. */
function logSoftmaxOver(
  logits: Float32Array,
  base: number,
  slots: readonly number[],
  temperature: number,
): Map<number, number> {
  let max = -Infinity;
  for (const s of slots) max = Math.max(max, logits[base + s] / temperature);
  let sum = 0;
  for (const s of slots) sum += Math.exp(logits[base + s] / temperature - max);
  const logSum = max + Math.log(sum);
  return new Map(slots.map((s) => [s, logits[base + s] / temperature - logSum]));
}

export function combineSpecialistLogits(
  rows: readonly Float32Array[],
  batch: number,
  classes: number,
  specialists: readonly Specialist[],
  temperature: number,
  out: Float32Array,
): Float32Array {
  if (rows.length !== specialists.length)
    throw new RangeError(`${rows.length} teachers for ${specialists.length} specialists`);
  assertTemperature(temperature);
  for (const r of rows) assertShape(r.length, batch, classes);
  assertShape(out.length, batch, classes);
  assertPartition(specialists, classes);
  const logQ = new Float64Array(classes);
  for (let r = 0; r < batch; r++) {
    const base = r * classes;
    const logP = specialists.map((s, k) =>
      logSoftmaxOver(rows[k], base, [...s.own, s.none], temperature),
    );
    const logNone = specialists.map((s, k) => logP[k].get(s.none)!);
    const allNone = logNone.reduce((a, b) => a + b, 0);
    specialists.forEach((s, k) => {
      for (const c of s.own) logQ[c] = logP[k].get(c)! + allNone - logNone[k];
    });
    let max = -Infinity;
    for (let c = 0; c < classes; c++) max = Math.max(max, logQ[c]);
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += Math.exp(logQ[c] - max);
    const logZ = max + Math.log(sum);
    for (let c = 0; c < classes; c++) out[base + c] = temperature * (logQ[c] - logZ);
  }
  return out;
}
