/**
 * Runs the sweep's recipes with the engine's own Run (the same loop, cache and steps as the page),
 * tick by tick, so a caller can pause, cancel and show progress between ticks: in the sweep
 * worker and in `npm run sweep`. No DOM, no messaging.
 */
import type { MatMul } from '../../kernels/denseMatMul.ts';
import type { TeacherWeights } from '../members.ts';
import type { Recipe } from '../recipe.ts';
import { Run, type RunData } from '../run.ts';
import { successiveHalving, type Rung, type RungResult } from './successiveHalving.ts';
import {
  CONTROL_ID,
  cellId,
  gridCells,
  sweepRecipe,
  type SweepCell,
  type SweepConfig,
} from './sweepGrid.ts';
import { meanScore, scoreLogits, type SweepScore } from './sweepScore.ts';

export interface SweepRunOptions {
  matMul: MatMul;
  /** The pretrained teacher's weights (public/models/teacher.*). */
  teacher: TeacherWeights;
  /** Awaited every few ticks: resolves at once, or when a paused sweep resumes. */
  gate?: () => Promise<void>;
  /** True once the sweep is cancelled: the run stops at the next tick. */
  cancelled?: () => boolean;
  /** This run's progress, 0–1 (teacher caching counts as the first tenth), and what it does. */
  onProgress?: (fraction: number, activity: string) => void;
  /** One run (a seed of the grid, or of a search rung) has ended. */
  onRunDone?: () => void;
}

export class SweepCancelled extends Error {
  constructor() {
    super('The sweep was cancelled.');
  }
}

const TICKS_PER_GATE = 8;

export interface LearnerOutcome {
  score: SweepScore;
  /** Its logits on the test set, test count × 10. */
  logits: Float32Array;
}

/** Trains one recipe to its end and scores each learner on the test set's two halves. */
export async function runRecipe(
  data: RunData,
  recipe: Recipe,
  options: SweepRunOptions,
): Promise<Map<string, LearnerOutcome>> {
  const run = new Run(
    data,
    recipe,
    { temperature: 1, alpha: 0.5 },
    { matMul: options.matMul, pretrained: new Map([['teacher', options.teacher]]) },
  );
  try {
    let ticks = 0;
    while (!(run.phase === 'done' && !run.evaluating)) {
      if (run.tick() === 'diverged') throw new Error(run.divergence);
      if (++ticks % TICKS_PER_GATE !== 0) continue;
      if (options.cancelled?.()) throw new SweepCancelled();
      const p = run.progress;
      const fraction =
        run.phase === 'learners'
          ? 0.1 + 0.9 * (p.done / Math.max(p.total, 1e-9))
          : run.phase === 'caching'
            ? 0.1 * (p.done / Math.max(p.total, 1))
            : 0;
      options.onProgress?.(Math.min(1, fraction), p.activity);
      await options.gate?.();
    }
    const outcomes = new Map<string, LearnerOutcome>();
    for (const learner of recipe.learners) {
      const logits = run.testLogits.get(learner.id);
      if (logits)
        outcomes.set(learner.id, { score: scoreLogits(logits, data.test.labels), logits });
    }
    options.onRunDone?.();
    return outcomes;
  } finally {
    run.dispose();
  }
}

export interface GridResult {
  /** Per seed: the control's score and each cell's. */
  seeds: { seed: number; control: SweepScore; cells: Record<string, SweepScore> }[];
  /** Each cell's score averaged over seeds, and the control's. */
  mean: { control: SweepScore; cells: Record<string, SweepScore> };
  /** Learner-epochs trained (distilled cells; the control's are counted apart). */
  cost: { cellEpochs: number; controlEpochs: number };
}

/**
 * The grid: one run per seed (every cell and the control in lockstep). `onSeed` hears each seed's
 * scores as soon as its run ends, so a page can fill in its heatmap.
 */
export async function runGrid(
  data: RunData,
  config: SweepConfig,
  options: SweepRunOptions & {
    onSeed?: (seed: number, scores: Map<string, SweepScore>) => void;
  },
): Promise<GridResult> {
  const cells = gridCells(config);
  const seeds: GridResult['seeds'] = [];
  for (const seed of config.seeds) {
    const outcomes = await runRecipe(
      data,
      sweepRecipe(config, seed, cells, config.epochs, true),
      options,
    );
    const scores = new Map([...outcomes].map(([id, o]) => [id, o.score]));
    options.onSeed?.(seed, scores);
    seeds.push({
      seed,
      control: scores.get(CONTROL_ID)!,
      cells: Object.fromEntries(cells.map((c) => [cellId(c), scores.get(cellId(c))!])),
    });
  }
  return {
    seeds,
    mean: {
      control: meanScore(seeds.map((s) => s.control)),
      cells: Object.fromEntries(
        cells.map((c) => [cellId(c), meanScore(seeds.map((s) => s.cells[cellId(c)]))]),
      ),
    },
    cost: {
      cellEpochs: cells.length * config.epochs * config.seeds.length,
      controlEpochs: config.epochs * config.seeds.length,
    },
  };
}

export interface SearchResult {
  rungs: { epochs: number; results: { cell: SweepCell; score: SweepScore }[] }[];
  best: { cell: SweepCell; score: SweepScore };
  cost: { cellEpochs: number };
}

/**
 * Successive halving over `candidates`: each rung is one run per seed with its survivors in
 * lockstep (no control: the grid's serves both), scored by mean validation errors. The winner is
 * the last rung's best, reported with that rung's scores (trained for the grid's full length).
 */
export async function runSearch(
  data: RunData,
  config: SweepConfig,
  candidates: readonly SweepCell[],
  plan: readonly Rung[],
  options: SweepRunOptions,
): Promise<SearchResult> {
  const history = await successiveHalving<SweepScore>(candidates, plan, async (alive, epochs) => {
    const perSeed: Map<string, LearnerOutcome>[] = [];
    for (const seed of config.seeds)
      perSeed.push(await runRecipe(data, sweepRecipe(config, seed, alive, epochs, false), options));
    return alive.map((cell): RungResult<SweepScore> => {
      const score = meanScore(perSeed.map((s) => s.get(cellId(cell))!.score));
      return { cell, score: score.validation, result: score };
    });
  });
  const rungs = history.map((results, r) => ({
    epochs: plan[r].epochs,
    results: results.map(({ cell, result }) => ({ cell, score: result })),
  }));
  const last = rungs[rungs.length - 1].results;
  const best = last.reduce((b, x) => (x.score.validation < b.score.validation ? x : b));
  return {
    rungs,
    best,
    cost: {
      cellEpochs: plan.reduce((sum, r) => sum + r.count * r.epochs, 0) * config.seeds.length,
    },
  };
}
