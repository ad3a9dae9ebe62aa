import { describe, expect, it } from 'vitest';
import { matMulForBackend } from '../kernels/denseMatMul.ts';
import { DEFAULT_SETTINGS } from '../state/settingsSchema.ts';
import { toRecipe } from '../state/toRecipe.ts';
import type { Recipe } from './recipe.ts';
import { sessionsOnWasm, syntheticSplit } from './testRecipes.testutil.ts';

const matMul = matMulForBackend('wasm');

/** A variant preset's recipe, shrunk to run in a second on synthetic digits. */
function shrunk(preset: (typeof DEFAULT_SETTINGS)['preset']): Recipe {
  const recipe = toRecipe({ ...DEFAULT_SETTINGS, preset, studentSize: '30-30', seed: 3 });
  return {
    ...recipe,
    teachers: recipe.teachers.map((t, k) =>
      t.source.kind === 'pretrained'
        ? {
            ...t,
            hidden: '300-300' as const,
            source: { kind: 'train' as const, training: { epochs: 2, seed: 40 + k } },
          }
        : t.source.kind === 'train'
          ? {
              ...t,
              source: { kind: 'train', training: { ...t.source.training, epochs: 2 } },
            }
          : t,
    ),
    learners: recipe.learners.map((l) => ({ ...l, hidden: '30-30' })),
    schedule: { epochs: 2, batchSize: 32, learningRate: 0.003, evalEvery: 1000 },
  };
}

describe('combined teachers in a session', () => {
  const openSession = sessionsOnWasm();

  it('trains the ensemble preset’s members, scores the ensemble itself and distils from it', () => {
    const data = { train: syntheticSplit(640, 31), test: syntheticSplit(200, 32) };
    const session = openSession(
      data,
      shrunk('ensemble'),
      { temperature: 4, alpha: 0.1 },
      { matMul },
    );
    expect(session.roster.members.map((m) => [m.id, m.origin])).toEqual([
      ['member-1', 'trained here'],
      ['member-2', 'trained here'],
      ['member-3', 'trained here'],
      ['ensemble', 'combined'],
      ['distilled', 'distilled'],
      ['control', 'hard labels'],
    ]);
    const ensemble = session.roster.members.find((m) => m.id === 'ensemble')!;
    expect(ensemble.parameters).toBe(3 * session.roster.members[0].parameters);
    session.runToEnd();
    const latest = session.run.history.latest;
    for (const id of ['member-1', 'member-2', 'member-3', 'ensemble', 'distilled', 'control'])
      expect(latest[id]?.errors).toBeLessThan(100); // of 200
    // Fidelity of the student is measured against the ensemble's combined outputs.
    expect(latest.distilled.agreement).toBeGreaterThan(0.5);
    expect(
      session.run.lastEvaluation!.logits.has('ensemble') || session.run.testLogits.has('ensemble'),
    ).toBe(true);
  });

  it('trains two specialists with their “none of mine” labels and a student that learns all ten from both', () => {
    const data = { train: syntheticSplit(640, 33), test: syntheticSplit(200, 34) };
    const session = openSession(
      data,
      shrunk('specialists'),
      { temperature: 2, alpha: 0 },
      { matMul },
    );
    session.runToEnd();
    const labels = data.test.labels;
    const logits = session.run.testLogits;
    // The 0–4 specialist answers "5" (its dustbin) for every 5–9 it recognises.
    const low = logits.get('low')!;
    let dustbin = 0;
    let highDigits = 0;
    for (let n = 0; n < labels.length; n++) {
      if (labels[n] < 5) continue;
      highDigits++;
      const row = Array.from(low.subarray(n * 10, n * 10 + 10));
      if (row.indexOf(Math.max(...row)) === 5) dustbin++;
    }
    expect(dustbin / highDigits).toBeGreaterThan(0.8);
    // The student, taught by the combination alone (α = 0), gets most of all ten classes right.
    expect(session.run.history.latest.distilled.errors).toBeLessThan(60);
    expect(session.run.history.latest.specialists.errors).toBeLessThan(60);
  });
});
