/** The sweep panel's form: what a learner picks, and the grid it becomes. */
import { DEFAULT_SWEEP, type SweepConfig } from '../../engine/sweep/sweepGrid.ts';
import type { HiddenLayers } from '../../models/architectures.ts';

export const T_CHOICES = [1, 2, 4, 8, 20, 50] as const;
export const ALPHA_CHOICES = [0, 0.1, 0.25, 0.5, 0.9] as const;
export const STUDENT_CHOICES: readonly HiddenLayers[] = ['30-30', '300-300', '800-800'];
export const FRACTION_CHOICES = [0.1, 0.25, 1] as const;

export interface SweepForm {
  temperatures: number[];
  alphas: number[];
  student: HiddenLayers;
  epochs: number;
  seeds: number;
  fraction: number;
}

/**
 * A 2 × 2 grid, a 300-300 student, 2 epochs on a quarter of the data: about half a minute, and
 * long enough for soft targets to start paying (`npm run sweep -- --student 300-300 --T 2,8
 * --alpha 0.1,0.5 --fraction 0.25 --epochs 2`: control 555, T = 8, α = 0.5: 533). Shorter runs
 * favour hard labels (bench/sweep).
 */
export const QUICK_FORM: SweepForm = {
  temperatures: [2, 8],
  alphas: [0.1, 0.5],
  student: '300-300',
  epochs: 2,
  seeds: 1,
  fraction: 0.25,
};

/** The T and α of `npm run sweep` (T 1–20 × α 0–0.9), the quick grid's student and length. */
export const FULL_FORM: SweepForm = {
  ...QUICK_FORM,
  temperatures: [...DEFAULT_SWEEP.temperatures],
  alphas: [...DEFAULT_SWEEP.alphas],
};

export function formToConfig(form: SweepForm, firstSeed: number): SweepConfig {
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  return {
    ...DEFAULT_SWEEP,
    temperatures: sorted(form.temperatures),
    alphas: sorted(form.alphas),
    student: form.student,
    epochs: form.epochs,
    fraction: form.fraction,
    seeds: Array.from({ length: form.seeds }, (_, k) => firstSeed + k),
  };
}

/** Adds or removes one value of a multiple choice. */
export function toggle(values: readonly number[], value: number): number[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}
