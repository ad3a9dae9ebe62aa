import { describe, expect, it } from 'vitest';
import { LOSS_WINDOW, MAX_LOSS_POINTS, RunHistory } from './history.ts';

/** `steps` steps of one member whose loss at step s is s. */
function record(history: RunHistory, from: number, steps: number): void {
  for (let s = from; s < from + steps; s++) {
    history.recordTerms('student', ['hard'], [s]);
    history.endStep(s / 100);
  }
}

describe('the loss history', () => {
  it('averages every LOSS_WINDOW steps into one point', () => {
    const history = new RunHistory();
    record(history, 0, 35);
    expect(LOSS_WINDOW).toBe(10);
    // Steps 0–9, 10–19, 20–29 (mean 4.5, 14.5, 24.5); 30–34 wait for the window to fill.
    expect(history.loss.map((p) => p.terms.student.hard)).toEqual([4.5, 14.5, 24.5]);
    expect(history.loss.map((p) => p.epoch)).toEqual([0.09, 0.19, 0.29]);
  });

  it('stays at most MAX_LOSS_POINTS long, merging neighbours so each point is its steps’ mean', () => {
    const history = new RunHistory();
    expect(MAX_LOSS_POINTS).toBe(500);
    // 5,000 steps fill 500 points of 10 steps: they merge into 250 points of 20 steps.
    record(history, 0, 5_000);
    expect(history.loss).toHaveLength(250);
    history.loss.forEach((p, k) => expect(p.terms.student.hard).toBeCloseTo(20 * k + 9.5, 9));
    expect(history.loss[249].epoch).toBeCloseTo(49.99, 9);
    // New points now cover 20 steps: the mean of steps 5,000–5,019.
    record(history, 5_000, 20);
    expect(history.loss).toHaveLength(251);
    expect(history.loss[250].terms.student.hard).toBeCloseTo(5_009.5, 9);
    // Another 4,980 steps fill it again: 250 points of 40 steps, the mean of 40k … 40k + 39.
    record(history, 5_020, 4_980);
    expect(history.loss).toHaveLength(250);
    history.loss.forEach((p, k) => expect(p.terms.student.hard).toBeCloseTo(40 * k + 19.5, 9));
  });

  it('keeps a member’s terms where only one of two merged points has them', () => {
    const history = new RunHistory();
    // A teacher trains for the first 2,490 steps (249 points), then a student alone: the merge
    // pairs point 248 (the teacher's last) with point 249 (the student's first).
    for (let s = 0; s < 5_000; s++) {
      history.recordTerms(s < 2_490 ? 'teacher' : 'student', ['ce'], [s < 2_490 ? 1 : 2]);
      history.endStep(s);
    }
    expect(history.loss).toHaveLength(250);
    expect(history.loss[123].terms).toEqual({ teacher: { ce: 1 } });
    expect(history.loss[124].terms).toEqual({ teacher: { ce: 1 }, student: { ce: 2 } });
    expect(history.loss[125].terms).toEqual({ student: { ce: 2 } });
  });
});
