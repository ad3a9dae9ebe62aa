import { describe, expect, it } from 'vitest';
import { fitToBudget, planCost, planRungs, successiveHalving } from './successiveHalving.ts';
import { gridCells } from './sweepGrid.ts';

describe('planRungs', () => {
  it('gives 56 → 19 → 7 candidates at 1/9, 1/3 and 1 epoch for η = 3', () => {
    const plan = planRungs(56, 3, 1, 3);
    expect(plan.map((r) => r.count)).toEqual([56, 19, 7]);
    expect(plan.map((r) => r.epochs)).toEqual([1 / 9, 1 / 3, 1]);
    // 56/9 + 19/3 + 7 = 6.22 + 6.33 + 7 = 19.56 learner-epochs: under a 20-cell grid's 20.
    expect(planCost(plan)).toBeCloseTo(56 / 9 + 19 / 3 + 7, 10);
    expect(planCost(plan)).toBeLessThan(20);
  });

  it('scales with the final length and rejects η ≤ 1', () => {
    expect(planCost(planRungs(56, 3, 3, 3))).toBeCloseTo(3 * (56 / 9 + 19 / 3 + 7), 10);
    expect(() => planRungs(10, 1, 1, 3)).toThrow();
  });
});

describe('fitToBudget', () => {
  const pool = Array.from({ length: 56 }, (_, i) => i);

  it('keeps all 56 candidates for a 20-cell grid’s budget, fewer for a 4-cell one', () => {
    expect(fitToBudget(pool, 20, 3, 1, 3).candidates).toHaveLength(56);
    const small = fitToBudget(pool, 4, 3, 1, 3);
    // n = 11: 11/9 + 4/3 + 2 = 4.56 > 4; n = 10: 10/9 + 4/3 + 2 = 4.44 > 4; n = 9: 1 + 1 + 1 = 3.
    expect(small.candidates).toEqual([0, 6, 12, 18, 24, 31, 37, 43, 49]);
    expect(planCost(small.plan)).toBeCloseTo(3, 10);
  });
});

describe('successiveHalving', () => {
  // A known score surface, lowest at T = 4, α = 0.1.
  const surface = (T: number, alpha: number) => (Math.log2(T) - 2) ** 2 + 10 * (alpha - 0.1) ** 2;

  it('keeps the best third each rung and ends at the surface’s minimum', async () => {
    const cells = gridCells({ temperatures: [1, 2, 4, 8, 16], alphas: [0, 0.1, 0.5, 0.9] });
    const seen: number[][] = [];
    const history = await successiveHalving(
      cells,
      planRungs(cells.length, 3, 1, 3),
      (alive, epochs) => {
        seen.push([alive.length, epochs]);
        return Promise.resolve(
          alive.map((cell) => ({
            cell,
            score: surface(cell.temperature, cell.alpha),
            result: null,
          })),
        );
      },
    );
    expect(seen).toEqual([
      [20, 1 / 9],
      [7, 1 / 3],
      [3, 1],
    ]);
    const last = history[2].sort((a, b) => a.score - b.score)[0].cell;
    expect(last).toEqual({ temperature: 4, alpha: 0.1 });
    // The seven kept after rung 0 are the seven lowest of the surface.
    const lowest = [...cells]
      .sort((a, b) => surface(a.temperature, a.alpha) - surface(b.temperature, b.alpha))
      .slice(0, 7);
    expect(history[1].map((r) => r.cell)).toEqual(expect.arrayContaining(lowest));
  });
});
