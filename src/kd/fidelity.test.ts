import { describe, expect, it } from 'vitest';
import { fidelity } from './fidelity.ts';
import { fidelity as fromPlain } from './plain.ts';
import { expectClose } from './expectClose.testutil.ts';

const { LN2, log, exp } = Math;

// Row 1: teacher [ln 2, 0, 0] → p = [1/2, 1/4, 1/4], argmax 0; learner [0, 0, 0] → q uniform,
//        argmax 0 (tie → lowest): agree. KL = ½ ln(3/2) + 2 · ¼ ln(3/4) = ½ ln(9/8).
// Row 2: teacher [0, 0, 0], argmax 0; learner [0, ln 2, 0] → q = [1/4, 1/2, 1/4], argmax 1:
//        disagree. KL = ⅓ (ln(4/3) + ln(2/3) + ln(4/3)) = ⅓ ln(32/27).
// Row 3: teacher [0, ln 3, 0] → p = [1/5, 3/5, 1/5], argmax 1; learner [0, 5, 5], argmax 1 (tie):
//        agree. With L = ln(1 + 2e⁵): log q = [−L, 5 − L, 5 − L], so
//        KL = Σ p log p − Σ p log q = ⅖ ln(1/5) + ⅗ ln(3/5) + L − 4.
const TEACHER = Float32Array.from([LN2, 0, 0, 0, 0, 0, 0, log(3), 0]);
const LEARNER = Float32Array.from([0, 0, 0, 0, LN2, 0, 0, 5, 5]);
const HAND_KL =
  (0.5 * log(9 / 8) +
    log(32 / 27) / 3 +
    (0.4 * log(1 / 5) + 0.6 * log(3 / 5) + log(1 + 2 * exp(5)) - 4)) /
  3;

describe('fidelity', () => {
  it('gives top-1 agreement 2/3 and the hand-computed mean KL(teacher ‖ learner)', () => {
    const { agreement, kl } = fidelity(LEARNER, TEACHER, 3, 3);
    expect(agreement).toBe(2 / 3);
    expectClose(kl, HAND_KL, 1e-6);
  });

  it('is 1 and 0 for a learner that copies its teacher, even with huge logits', () => {
    const logits = Float32Array.from([1e4, -1e4, 0, -3e4, 3e4, 3e4]);
    expect(fidelity(logits, logits, 2, 3)).toEqual({ agreement: 1, kl: 0 });
  });

  it('stays finite when the learner gives the teacher’s class ~0 probability', () => {
    const teacher = Float32Array.from([100, -100]);
    const learner = Float32Array.from([-100, 100]);
    const { agreement, kl } = fidelity(learner, teacher, 1, 2);
    expect(agreement).toBe(0);
    // p ≈ [1, e⁻²⁰⁰]: KL ≈ log p_0 − log q_0 = 0 − (−200) = 200.
    expectClose(kl, 200, 1e-9);
  });

  it('is NaN for no rows, rejects wrong lengths, and is exported from plain.ts', () => {
    const empty = new Float32Array(0);
    const none = fidelity(empty, empty, 0, 10);
    expect(none.agreement).toBeNaN();
    expect(none.kl).toBeNaN();
    expect(() => fidelity(LEARNER, TEACHER.subarray(1), 3, 3)).toThrow(RangeError);
    expect(fromPlain).toBe(fidelity);
  });
});
