/**
 * Successive halving (Jamieson & Talwalkar 2016; the inner loop of Hyperband, Li et al. 2018):
 * train many (T, α) candidates briefly, keep the best 1/η, train those η times longer, and so on;
 * each rung restarts its survivors from the same first weights. It spends most of its budget on
 * the promising corner of the plane, where a grid spends it evenly.
 */
import type { SweepCell } from './sweepGrid.ts';

export interface Rung {
  /** Candidates trained in this rung. */
  count: number;
  /** Epochs each of them trains. */
  epochs: number;
}

/**
 * Rungs for `candidates` configurations with reduction factor `eta`: the last rung trains
 * ⌈n / η^(r−1)⌉ of them for `finalEpochs`, each earlier rung η times as many for 1/η as long.
 */
export function planRungs(
  candidates: number,
  eta: number,
  finalEpochs: number,
  rungs: number,
): Rung[] {
  if (!(eta > 1) || rungs < 1 || candidates < 1) throw new Error('successive halving: bad plan');
  const plan: Rung[] = [];
  let count = candidates;
  for (let r = 0; r < rungs; r++) {
    plan.push({ count, epochs: finalEpochs / eta ** (rungs - 1 - r) });
    count = Math.max(1, Math.ceil(count / eta));
  }
  return plan;
}

/** Learner-epochs a plan costs (each rung restarts its candidates). */
export function planCost(plan: readonly Rung[]): number {
  return plan.reduce((sum, r) => sum + r.count * r.epochs, 0);
}

/** A candidate's score in one rung (lower is better) and anything else the caller keeps. */
export interface RungResult<R> {
  cell: SweepCell;
  score: number;
  result: R;
}

/**
 * Runs the plan: `evaluate` trains the given cells for the given epochs and scores them; the best
 * `next rung's count` go on. Ties keep the earlier candidate. Returns every rung's results.
 */
export async function successiveHalving<R>(
  candidates: readonly SweepCell[],
  plan: readonly Rung[],
  evaluate: (cells: readonly SweepCell[], epochs: number, rung: number) => Promise<RungResult<R>[]>,
): Promise<RungResult<R>[][]> {
  const history: RungResult<R>[][] = [];
  let alive = [...candidates];
  for (let r = 0; r < plan.length; r++) {
    const results = await evaluate(alive, plan[r].epochs, r);
    history.push(results);
    const next = plan[r + 1]?.count;
    if (next === undefined) break;
    alive = results
      .map((x, order) => ({ x, order }))
      .sort((a, b) => a.x.score - b.x.score || a.order - b.order)
      .slice(0, next)
      .map(({ x }) => x.cell);
  }
  return history;
}

/**
 * The most candidates whose plan costs at most `budget` learner-epochs, taken evenly spread from
 * `pool` (every k-th, k = pool / n, so a smaller budget still spans the whole plane), and its plan.
 */
export function fitToBudget<C>(
  pool: readonly C[],
  budget: number,
  eta: number,
  finalEpochs: number,
  rungs: number,
): { candidates: C[]; plan: Rung[] } {
  let n = pool.length;
  while (n > 1 && planCost(planRungs(n, eta, finalEpochs, rungs)) > budget + 1e-9) n--;
  const candidates = Array.from({ length: n }, (_, k) => pool[Math.floor((k * pool.length) / n)]);
  return { candidates, plan: planRungs(n, eta, finalEpochs, rungs) };
}

/** The candidates the search starts from: a finer grid than the default one. */
export const SEARCH_TEMPERATURES = [1, 1.5, 2, 3, 4, 6, 10, 20] as const;
export const SEARCH_ALPHAS = [0, 0.1, 0.2, 0.35, 0.5, 0.7, 0.9] as const;
