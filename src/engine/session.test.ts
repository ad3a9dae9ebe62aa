import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { matMulForBackend, type MatMul } from '../kernels/denseMatMul.ts';
import { sessionsOnWasm, smallRecipe, syntheticSplit } from './testRecipes.testutil.ts';
import type { Snapshot } from './protocol.ts';

const matMul = matMulForBackend('wasm');

describe('a session', () => {
  const openSession = sessionsOnWasm();

  it('goes teachers → caching → learners → done, and every member learns the synthetic task', () => {
    const data = { train: syntheticSplit(640, 1), test: syntheticSplit(200, 2) };
    const session = openSession(data, smallRecipe(), { temperature: 4, alpha: 0.5 }, { matMul });
    const phases: string[] = [];
    session.runToEnd((run) => {
      if (phases[phases.length - 1] !== run.phase) phases.push(run.phase);
    });
    expect(phases).toEqual(['teachers', 'caching', 'learners', 'done']);
    const { latest, evaluations, loss, terms } = session.run.history;
    expect(latest.teacher.errors).toBeLessThan(20); // out of 200
    expect(latest.distilled.errors).toBeLessThan(100);
    expect(latest.control.errors).toBeLessThan(100);
    expect(evaluations[evaluations.length - 1].epoch).toBeCloseTo(2, 5);
    expect(loss.some((p) => p.terms.teacher?.hard !== undefined)).toBe(true);
    expect(
      loss.some(
        (p) => p.terms.distilled?.soft !== undefined && p.terms.control?.hard !== undefined,
      ),
    ).toBe(true);
    // Fidelity against the teacher is measured for both learners.
    expect(latest.distilled.agreement).toBeGreaterThan(0.5);
    expect(latest.distilled.kl).toBeGreaterThanOrEqual(0);
    expect(latest.control.agreement).toBeGreaterThan(0);
    // Gradient norms: one per term, finite.
    expect(terms.distilled.map((t) => t.name)).toEqual(['hard', 'soft']);
    for (const t of terms.distilled) expect(Number.isFinite(t.gradNorm)).toBe(true);
  });

  it('announces a roster with every teacher and learner, their parameter counts and objectives', () => {
    const data = { train: syntheticSplit(320, 1), test: syntheticSplit(100, 2) };
    const session = openSession(
      data,
      smallRecipe(),
      { temperature: 4, alpha: 0.5 },
      { matMul, runId: 7 },
    );
    const roster = session.roster;
    expect(roster.runId).toBe(7);
    expect(roster.members.map((m) => [m.id, m.role, m.origin, m.objective])).toEqual([
      ['teacher', 'teacher', 'trained here', undefined],
      ['distilled', 'learner', 'distilled', 'hinton'],
      ['control', 'learner', 'hard labels', 'hard'],
    ]);
    // 784·30 + 30 + 30·30 + 30 + 30·10 + 10, by hand.
    expect(roster.members[1].parameters).toBe(23550 + 930 + 310);
    expect(roster.members[0].architecture).toBe('784-300-300-10');
  });

  it('keeps the tensor count flat across training steps (no leaks), with live T and α changes', () => {
    const data = { train: syntheticSplit(640, 4), test: syntheticSplit(100, 5) };
    const session = openSession(
      data,
      smallRecipe({ schedule: { epochs: 3, batchSize: 32, learningRate: 0.003, evalEvery: 1000 } }),
      { temperature: 2, alpha: 0.3 },
      { matMul },
    );
    const run = session.run;
    run.finishTeachers();
    while (run.phase !== 'learners' || run.evaluating) run.tick();
    // Adam creates its moment variables on the first step; after that the count must not move.
    for (let i = 0; i < 3; i++) run.tick();
    const counts: number[] = [];
    for (let i = 0; i < 30; i++) {
      run.tick();
      run.hyper = { temperature: 1 + i, alpha: (i % 10) / 10 };
      counts.push(tf.memory().numTensors);
    }
    expect(new Set(counts).size).toBe(1);
  });

  it('starts twin learners from the same weights, shows them the same batches, and leaves the teacher alone', () => {
    const data = { train: syntheticSplit(320, 6), test: syntheticSplit(100, 7) };
    const session = openSession(
      data,
      smallRecipe({ schedule: { epochs: 2, batchSize: 32, learningRate: 0.003, evalEvery: 1000 } }),
      { temperature: 4, alpha: 1 },
      { matMul },
    );
    const run = session.run;
    const indices = [0, 1, 2, 3];
    const before = run.sampleLogits(indices);
    expect(Array.from(before.distilled)).toEqual(Array.from(before.control));
    run.finishTeachers();
    while (run.phase !== 'learners' || run.evaluating) run.tick();
    const teacherBefore = Array.from(run.sampleLogits(indices).teacher);
    for (let i = 0; i < 5; i++) run.tick();
    const after = run.sampleLogits(indices);
    expect(Array.from(after.teacher)).toEqual(teacherBefore);
    // α = 1 makes the distilled loss pure CE: with the same init and batches, the twins stay equal.
    after.distilled.forEach((v, i) => expect(v).toBeCloseTo(after.control[i], 3));
    run.hyper = { temperature: 4, alpha: 0 };
    for (let i = 0; i < 3; i++) run.tick();
    const apart = run.sampleLogits(indices);
    expect(apart.distilled.some((v, i) => Math.abs(v - apart.control[i]) > 1e-3)).toBe(true);
  });

  it('never shows the learners an omitted digit, and counts what they saw', () => {
    const data = { train: syntheticSplit(640, 10), test: syntheticSplit(100, 11) };
    const digits = [0, 1, 2, 4, 5, 6, 7, 8, 9];
    const session = openSession(
      data,
      smallRecipe({ transfer: { digits, fraction: 1, labels: true } }),
      { temperature: 4, alpha: 0.5 },
      { matMul },
    );
    session.run.finishTeachers();
    session.runToEnd();
    const seen = session.run.seenClassCounts;
    expect(seen[3]).toBe(0);
    const threes = Array.from(data.train.labels).filter((l) => l === 3).length;
    // Two epochs over the 640 − (number of 3s) examples, minus the dropped partial batches.
    expect(seen.reduce((a, b) => a + b, 0)).toBe(2 * Math.floor((640 - threes) / 32) * 32);
  });

  it('trains only the distilled learner, at α = 0, when the transfer set has no labels', () => {
    const data = { train: syntheticSplit(320, 12), test: syntheticSplit(100, 13) };
    const session = openSession(
      data,
      smallRecipe({
        transfer: { digits: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], fraction: 1, labels: false },
        schedule: { epochs: 2, batchSize: 32, learningRate: 0.003, evalEvery: 1000 },
      }),
      { temperature: 4, alpha: 1 },
      { matMul },
    );
    const run = session.run;
    expect(run.roster.find((m) => m.id === 'control')!.trains).toBe(false);
    run.finishTeachers();
    while (run.phase !== 'learners' || run.evaluating) run.tick();
    const before = run.sampleLogits([0, 1]);
    for (let i = 0; i < 10; i++) run.tick();
    const after = run.sampleLogits([0, 1]);
    expect(Array.from(after.control)).toEqual(Array.from(before.control));
    expect(Array.from(after.distilled)).not.toEqual(Array.from(before.distilled));
    const last = run.history.loss[run.history.loss.length - 1];
    expect(last.terms.distilled.hard).toBe(0);
    expect(last.terms.control).toBeUndefined();
    expect(run.history.latest.control).toBeUndefined();
  });

  it('pauses with a reason when the loss diverges, through the same loop the worker uses', async () => {
    const data = { train: syntheticSplit(320, 8), test: syntheticSplit(100, 9) };
    const reasons: string[] = [];
    const snapshots: Snapshot[] = [];
    const session = openSession(
      data,
      smallRecipe({ schedule: { epochs: 2, batchSize: 32, learningRate: 1e30, evalEvery: 1000 } }),
      { temperature: 4, alpha: 0.5 },
      {
        matMul,
        onPaused: (r) => reasons.push(r),
        onSnapshot: (s) => snapshots.push(s),
        snapshotIntervalMs: 1e9,
      },
    );
    await session.play();
    expect(session.running).toBe(false);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/loss of .* became (NaN|Infinity)/);
    expect(reasons[0]).toMatch(/Lower the learning rate/);
    expect(snapshots[snapshots.length - 1].running).toBe(false);
  });

  it('pauses with a reason when the backend throws mid-run, keeps what was recorded, and resumes', async () => {
    const data = { train: syntheticSplit(320, 10), test: syntheticSplit(100, 11) };
    const reasons: string[] = [];
    // The backend's kernel, failing on demand (a lost GPU context, a kernel error).
    let failing = false;
    const faultyMatMul: MatMul = (a, b, inputIsData) => {
      if (failing) throw new Error('injected kernel failure');
      return matMul(a, b, inputIsData);
    };
    const session = openSession(
      data,
      smallRecipe({ schedule: { epochs: 1, batchSize: 32, learningRate: 0.003, evalEvery: 5 } }),
      { temperature: 4, alpha: 0.5 },
      { matMul: faultyMatMul, onPaused: (r) => reasons.push(r), snapshotIntervalMs: 1e9 },
    );
    while (session.run.phase !== 'learners' || session.run.evaluating) session.run.tick();
    for (let i = 0; i < 6; i++) await session.step();
    const recorded = { loss: session.run.history.loss.length, steps: session.run.totalSteps };
    expect(recorded.loss).toBeGreaterThan(0);
    failing = true;
    await session.play();
    expect(session.running).toBe(false);
    expect(reasons).toEqual([
      'Training paused: a training step failed on the wasm backend (injected kernel failure). What was trained and measured so far is kept; press Resume to try again, or choose another backend in Run settings.',
    ]);
    expect(session.run.history.loss.length).toBe(recorded.loss);
    expect(session.run.totalSteps).toBe(recorded.steps);
    // A step fails the same way, once more, and nothing is lost.
    await session.step();
    expect(reasons).toHaveLength(2);
    // The backend recovers: Resume trains on to the end.
    failing = false;
    await session.play();
    expect(session.finished).toBe(true);
    expect(session.run.totalSteps).toBeGreaterThan(recorded.steps);
  });

  it('steps once, pauses and plays to the end, posting each evaluation once', async () => {
    const data = { train: syntheticSplit(320, 14), test: syntheticSplit(100, 15) };
    const evaluations: number[] = [];
    const session = openSession(
      data,
      smallRecipe({ schedule: { epochs: 1, batchSize: 32, learningRate: 0.003, evalEvery: 5 } }),
      { temperature: 4, alpha: 0.5 },
      { matMul, onEvaluation: (e) => evaluations.push(e.id) },
    );
    await session.step();
    expect(session.run.totalSteps).toBe(1);
    await session.play();
    expect(session.finished).toBe(true);
    expect(new Set(evaluations).size).toBe(evaluations.length);
    expect(evaluations.length).toBeGreaterThan(3);
  });
});
