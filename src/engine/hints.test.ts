import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { matMulForBackend } from '../kernels/denseMatMul.ts';
import type { LearnerSpec } from './recipe.ts';
import { sessionsOnWasm, smallRecipe, syntheticSplit } from './testRecipes.testutil.ts';

const matMul = matMulForBackend('wasm');
const hint = { teacher: 'teacher', teacherLayer: 0, studentLayer: 0 };

describe('FitNets hints in a session', () => {
  const openSession = sessionsOnWasm();

  it('trains a hint as a first stage, then distils from the hinted weights in a second stage', () => {
    const learners: LearnerSpec[] = [
      {
        id: 'hinted',
        label: 'hint stage',
        hidden: '30-30',
        init: { kind: 'seed', seed: 9 },
        objective: { id: 'hint' },
        teachers: [],
        hint,
      },
      {
        id: 'fitnet',
        label: 'FitNet',
        hidden: '30-30',
        init: { kind: 'copy', of: 'hinted' },
        objective: { id: 'hinton' },
        teachers: ['teacher'],
        stage: 1,
      },
    ];
    const data = { train: syntheticSplit(640, 21), test: syntheticSplit(200, 22) };
    const session = openSession(
      data,
      smallRecipe({ learners }),
      { temperature: 4, alpha: 0.5 },
      { matMul },
    );
    expect(session.run.roster.find((m) => m.id === 'hinted')!.lossTerms).toEqual(['hint']);
    const stageStarts: string[] = [];
    session.runToEnd((run) => {
      const members = run.progress.members.join();
      if (run.phase === 'learners' && stageStarts[stageStarts.length - 1] !== members)
        stageStarts.push(members);
    });
    expect(stageStarts).toEqual(['hinted', 'fitnet']);
    const hintLoss = session.run.history.loss
      .map((p) => p.terms.hinted?.hint)
      .filter((v): v is number => v !== undefined);
    // The regressor and the first layer learn to reproduce the teacher's first hidden layer.
    expect(hintLoss[hintLoss.length - 1]).toBeLessThan(0.5 * hintLoss[0]);
    expect(session.run.history.latest.fitnet.errors).toBeLessThan(100); // of 200
    const hintTerm = session.run.history.terms.hinted[0];
    expect(hintTerm.name).toBe('hint');
    expect(hintTerm.gradNorm).toBeGreaterThan(0);
  });

  it('adds a weighted hint term beside Hinton KD, with flat tensor counts', () => {
    const learners: LearnerSpec[] = [
      {
        id: 'kd-hint',
        label: 'KD + hint',
        hidden: '30-30',
        init: { kind: 'seed', seed: 9 },
        objective: { id: 'hinton' },
        teachers: ['teacher'],
        hint: { ...hint, weight: 0.5 },
      },
    ];
    const data = { train: syntheticSplit(640, 23), test: syntheticSplit(100, 24) };
    const session = openSession(
      data,
      smallRecipe({
        learners,
        schedule: { epochs: 2, batchSize: 32, learningRate: 0.003, evalEvery: 1000 },
      }),
      { temperature: 4, alpha: 0.5 },
      { matMul },
    );
    const run = session.run;
    expect(run.roster.find((m) => m.id === 'kd-hint')!.lossTerms).toEqual(['hard', 'soft', 'hint']);
    run.finishTeachers();
    while (run.phase !== 'learners' || run.evaluating) run.tick();
    for (let i = 0; i < 3; i++) run.tick();
    const counts: number[] = [];
    for (let i = 0; i < 15; i++) {
      run.tick();
      counts.push(tf.memory().numTensors);
    }
    expect(new Set(counts).size).toBe(1);
    const terms = run.history.terms['kd-hint'];
    expect(terms.map((t) => t.name)).toEqual(['hard', 'soft', 'hint']);
    for (const t of terms) expect(Number.isFinite(t.gradNorm)).toBe(true);
  });
});
