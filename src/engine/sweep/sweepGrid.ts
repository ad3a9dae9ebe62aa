/**
 * A T × α sweep as plain data: the grid, the runs it takes and the link to each cell's run. One
 * run per seed trains every cell at once, in lockstep on the same batches from the same first
 * weights, beside one hard-label control: the control does not depend on T or α, so it is trained
 * once per seed, not once per cell, and every cell shares the teacher's cached outputs.
 */
import type { HiddenLayers } from '../../models/architectures.ts';
import type { LearnerSpec, Recipe } from '../recipe.ts';
import { TEACHER_ID } from '../recipe.ts';

export interface SweepCell {
  temperature: number;
  alpha: number;
}

export interface SweepConfig {
  temperatures: readonly number[];
  alphas: readonly number[];
  student: HiddenLayers;
  /** Epochs over the transfer set for every cell (the grid's length). */
  epochs: number;
  seeds: readonly number[];
  /** Share of the 60,000 training digits in the transfer set. */
  fraction: number;
  batchSize: number;
  learningRate: number;
}

/** The grid: T ∈ {1, 2, 4, 8, 20} × α ∈ {0, 0.1, 0.5, 0.9}, a 30-30 student, 1 epoch. */
export const DEFAULT_SWEEP: SweepConfig = {
  temperatures: [1, 2, 4, 8, 20],
  alphas: [0, 0.1, 0.5, 0.9],
  student: '30-30',
  epochs: 1,
  seeds: [1],
  fraction: 1,
  batchSize: 128,
  learningRate: 0.001,
};

/** Every (T, α) of the grid, T varying fastest within each α. */
export function gridCells(config: Pick<SweepConfig, 'temperatures' | 'alphas'>): SweepCell[] {
  return config.alphas.flatMap((alpha) =>
    config.temperatures.map((temperature) => ({ temperature, alpha })),
  );
}

/** A learner id for a cell: `T4-a0.1`. */
export function cellId({ temperature, alpha }: SweepCell): string {
  return `T${temperature}-a${alpha}`;
}

export const CONTROL_ID = 'control';

/**
 * One seed's run: the pretrained teacher, a hard-label control (when `withControl`) and one
 * distilled learner per cell with T and α fixed. All start from the same weights (seed + 1, as
 * the page's students), so a cell's run is the page's run at that T and α (cellLink).
 */
export function sweepRecipe(
  config: SweepConfig,
  seed: number,
  cells: readonly SweepCell[],
  epochs: number,
  withControl: boolean,
): Recipe {
  const first = withControl ? CONTROL_ID : cellId(cells[0]);
  const init = (id: string): LearnerSpec['init'] =>
    id === first ? { kind: 'seed', seed: seed + 1 } : { kind: 'copy', of: first };
  const learners: LearnerSpec[] = cells.map((cell) => ({
    id: cellId(cell),
    label: `T = ${cell.temperature}, α = ${cell.alpha}`,
    hidden: config.student,
    init: init(cellId(cell)),
    objective: { id: 'hinton', temperature: cell.temperature, alpha: cell.alpha },
    teachers: [TEACHER_ID],
  }));
  if (withControl)
    learners.unshift({
      id: CONTROL_ID,
      label: 'control (hard labels)',
      hidden: config.student,
      init: init(CONTROL_ID),
      objective: { id: 'hard' },
      teachers: [],
    });
  return {
    seed,
    teachers: [
      {
        id: TEACHER_ID,
        label: 'teacher',
        hidden: '1200-1200',
        source: { kind: 'pretrained', file: 'teacher' },
      },
    ],
    learners,
    transfer: { digits: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], fraction: config.fraction, labels: true },
    schedule: {
      epochs,
      batchSize: config.batchSize,
      learningRate: config.learningRate,
      evalEvery: Number.MAX_SAFE_INTEGER,
    },
  };
}

/** The page's link for one cell's run (the page trains it with its twin control). */
export function cellLink(config: SweepConfig, seed: number, cell: SweepCell): string {
  const params = new URLSearchParams({
    T: String(cell.temperature),
    alpha: String(cell.alpha),
    student: config.student,
    epochs: String(Math.max(1, Math.round(config.epochs))),
    seed: String(seed),
  });
  if (config.fraction !== 1) params.set('fraction', String(config.fraction));
  if (config.batchSize !== 128) params.set('batch', String(config.batchSize));
  if (config.learningRate !== 0.001) params.set('lr', String(config.learningRate));
  return `?${params.toString()}`;
}
