import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { matMulForBackend } from '../../kernels/denseMatMul.ts';
import { createTeacher } from '../../models/architectures.ts';
import { disposeMlp } from '../../models/mlp.ts';
import { encodeMlpWeights } from '../../models/weightsFile.ts';
import type { TeacherWeights } from '../members.ts';
import { syntheticSplit } from '../testRecipes.testutil.ts';
import { planRungs } from './successiveHalving.ts';
import { cellLink, DEFAULT_SWEEP, sweepRecipe, type SweepConfig } from './sweepGrid.ts';
import { runGrid, runRecipe, runSearch, SweepCancelled } from './sweepRunner.ts';

let teacher: TeacherWeights;
beforeAll(async () => {
  expect(await tf.setBackend('wasm')).toBe(true);
  const model = createTeacher(7);
  const { json, bin } = encodeMlpWeights(model, 'teacher.bin');
  teacher = { json, bin: bin.slice().buffer };
  disposeMlp(model);
});

const data = { train: syntheticSplit(640, 1), test: syntheticSplit(200, 2) };
const config: SweepConfig = {
  ...DEFAULT_SWEEP,
  temperatures: [2, 8],
  alphas: [0.5, 1],
  epochs: 1,
  batchSize: 32,
  learningRate: 0.003,
};

describe('the T × α sweep', () => {
  it('trains the control once per seed, beside every cell', () => {
    const recipe = sweepRecipe(
      config,
      4,
      [
        { temperature: 2, alpha: 0.5 },
        { temperature: 8, alpha: 1 },
      ],
      1,
      true,
    );
    expect(recipe.learners.map((l) => l.id)).toEqual(['control', 'T2-a0.5', 'T8-a1']);
    expect(recipe.learners[0].init).toEqual({ kind: 'seed', seed: 5 });
    expect(recipe.learners.slice(1).every((l) => l.init.kind === 'copy')).toBe(true);
    expect(recipe.learners[2].objective).toEqual({ id: 'hinton', temperature: 8, alpha: 1 });
  });

  it('trains a cell at α = 1 as the control’s exact twin (same logits), and α = 0.5 apart', async () => {
    const cells = [
      { temperature: 8, alpha: 1 },
      { temperature: 8, alpha: 0.5 },
    ];
    const outcomes = await runRecipe(data, sweepRecipe(config, 1, cells, 1, true), {
      matMul: matMulForBackend('wasm'),
      teacher,
    });
    const control = outcomes.get('control')!.logits;
    // α = 1: L = CE + 0 · T² · KL, the control's loss; same first weights, same batches.
    expect(Array.from(outcomes.get('T8-a1')!.logits)).toEqual(Array.from(control));
    const distilled = outcomes.get('T8-a0.5')!.logits;
    const gap = distilled.reduce((m, v, i) => Math.max(m, Math.abs(v - control[i])), 0);
    expect(gap).toBeGreaterThan(0.01);
  });

  it('scores every cell of the grid', async () => {
    const heard: number[] = [];
    const result = await runGrid(data, config, {
      matMul: matMulForBackend('wasm'),
      teacher,
      onSeed: (seed) => heard.push(seed),
    });
    expect(heard).toEqual([1]);
    expect(Object.keys(result.mean.cells)).toEqual(['T2-a0.5', 'T8-a0.5', 'T2-a1', 'T8-a1']);
    expect(result.seeds[0].cells['T8-a1']).toEqual(result.seeds[0].control);
    for (const s of Object.values(result.mean.cells)) {
      expect(s.validation + s.heldOut).toBe(s.test);
      expect(s.test).toBeLessThanOrEqual(200);
    }
    expect(result.cost).toEqual({ cellEpochs: 4, controlEpochs: 1 });
  });

  it('stops at the next tick when cancelled', async () => {
    let calls = 0;
    await expect(
      runGrid(data, config, {
        matMul: matMulForBackend('wasm'),
        teacher,
        cancelled: () => ++calls > 2,
      }),
    ).rejects.toBeInstanceOf(SweepCancelled);
    expect(tf.memory().numTensors).toBeLessThan(50);
  });

  it('successive halving trains fewer candidates each rung and reports the winner', async () => {
    const candidates = [1, 2, 4].flatMap((temperature) =>
      [0, 0.5, 1].map((alpha) => ({ temperature, alpha })),
    );
    const plan = planRungs(candidates.length, 3, 1, 2);
    const search = await runSearch(data, config, candidates, plan, {
      matMul: matMulForBackend('wasm'),
      teacher,
    });
    expect(search.rungs.map((r) => r.results.length)).toEqual([9, 3]);
    expect(search.rungs.map((r) => r.epochs)).toEqual([1 / 3, 1]);
    expect(search.rungs[1].results.map((r) => r.cell)).toContainEqual(search.best.cell);
    expect(search.cost.cellEpochs).toBeCloseTo(9 / 3 + 3, 10);
  });

  it('links each cell to the page’s run of it', () => {
    expect(cellLink({ ...DEFAULT_SWEEP, fraction: 0.1 }, 2, { temperature: 4, alpha: 0.1 })).toBe(
      '?T=4&alpha=0.1&student=30-30&epochs=1&seed=2&fraction=0.1',
    );
  });
});
