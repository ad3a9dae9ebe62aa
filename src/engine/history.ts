/**
 * What a run has measured so far, keyed by member id: averaged loss terms, test-set evaluations
 * with fidelity (Stanton et al. 2021: agreement with the teacher and KL(teacher ‖ learner)), the
 * latest results and each learner's last term values with their gradient norms.
 */
import { fidelity } from '../kd/fidelity.ts';
import { NUM_CLASSES } from '../data/mnistAssets.ts';
import type { EvaluationPoint, LossPoint, MemberLatest, TermReading } from './protocol.ts';

/** Loss points are averaged over this many steps, so long runs keep short histories. */
export const LOSS_WINDOW = 10;

/**
 * At most this many loss points: when full, neighbours merge in pairs (their mean) and each new
 * point covers twice the steps. A run of any length costs the page the same memory and the same
 * snapshot size (bench/results.md, the soak); a chart is narrower than this many pixels anyway.
 */
export const MAX_LOSS_POINTS = 500;

/** Two neighbouring loss points as one: each member's terms averaged where both have them. */
function mergePoints(a: LossPoint, b: LossPoint): LossPoint {
  const terms: LossPoint['terms'] = {};
  for (const member of new Set([...Object.keys(a.terms), ...Object.keys(b.terms)])) {
    const [ta, tb] = [a.terms[member], b.terms[member]];
    if (!ta || !tb) {
      terms[member] = { ...(ta ?? tb) };
      continue;
    }
    terms[member] = Object.fromEntries(
      Object.keys({ ...ta, ...tb }).map((name) => [
        name,
        name in ta && name in tb ? (ta[name] + tb[name]) / 2 : (ta[name] ?? tb[name]),
      ]),
    );
  }
  return { epoch: b.epoch, terms };
}

export class RunHistory {
  readonly loss: LossPoint[] = [];
  readonly evaluations: EvaluationPoint[] = [];
  readonly latest: Record<string, MemberLatest> = {};
  readonly terms: Record<string, TermReading[]> = {};
  private window: Record<string, Record<string, number>> = {};
  private windowSteps = 0;
  /** Steps each new loss point covers: LOSS_WINDOW, doubled at every merge. */
  private stepsPerPoint = LOSS_WINDOW;

  /** One step's term values of one member (call for each member, then `endStep`). */
  recordTerms(
    member: string,
    names: readonly string[],
    values: readonly number[],
    gradNorms?: readonly number[],
  ): void {
    const sums = (this.window[member] ??= {});
    names.forEach((name, i) => (sums[name] = (sums[name] ?? 0) + values[i]));
    const previous = this.terms[member];
    this.terms[member] = names.map((name, i) => ({
      name,
      value: values[i],
      gradNorm: gradNorms?.[i] ?? previous?.[i]?.gradNorm ?? NaN,
    }));
  }

  /** Closes a step: every `stepsPerPoint` steps the window's averages become one loss point. */
  endStep(epoch: number): void {
    if (++this.windowSteps < this.stepsPerPoint) return;
    const terms: LossPoint['terms'] = {};
    for (const [member, sums] of Object.entries(this.window)) {
      terms[member] = Object.fromEntries(
        Object.entries(sums).map(([name, sum]) => [name, sum / this.windowSteps]),
      );
    }
    this.loss.push({ epoch, terms });
    this.resetWindow();
    if (this.loss.length >= MAX_LOSS_POINTS) this.halveLoss();
  }

  /** Merges neighbours in pairs, in place (the array is the run's, read by every snapshot). */
  private halveLoss(): void {
    const merged: LossPoint[] = [];
    for (let i = 0; i + 1 < this.loss.length; i += 2)
      merged.push(mergePoints(this.loss[i], this.loss[i + 1]));
    if (this.loss.length % 2) merged.push(this.loss[this.loss.length - 1]);
    this.loss.splice(0, this.loss.length, ...merged);
    this.stepsPerPoint *= 2;
  }

  resetWindow(): void {
    this.window = {};
    this.windowSteps = 0;
  }

  /**
   * One finished evaluation: errors per member, and for each learner with a reference (its
   * teachers' combined test logits) the agreement and KL at T = 1.
   */
  recordEvaluation(
    epoch: number,
    errors: readonly [string, number][],
    testSize: number,
    logits: ReadonlyMap<string, Float32Array>,
    references: ReadonlyMap<string, Float32Array>,
  ): void {
    const point: EvaluationPoint = { epoch, accuracy: {}, agreement: {}, kl: {} };
    for (const [member, count] of errors) {
      point.accuracy[member] = 1 - count / testSize;
      const latest: MemberLatest = { errors: count };
      const reference = references.get(member);
      const own = logits.get(member);
      if (reference && own) {
        const f = fidelity(own, reference, testSize, NUM_CLASSES);
        point.agreement[member] = latest.agreement = f.agreement;
        point.kl[member] = latest.kl = f.kl;
      }
      this.latest[member] = latest;
    }
    this.evaluations.push(point);
  }
}
