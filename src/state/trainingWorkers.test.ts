import { describe, expect, it } from 'vitest';
import { trainingWorkerCount } from './trainingWorkers.ts';

describe('trainingWorkerCount', () => {
  it('auto: two workers only where two cores are left beside the page', () => {
    expect([1, 2, 3, 4, 16].map((cores) => trainingWorkerCount('auto', cores))).toEqual([
      1, 1, 2, 2, 2,
    ]);
  });

  it('a number asked for is used, whatever the cores', () => {
    expect(trainingWorkerCount('2', 2)).toBe(2);
    expect(trainingWorkerCount('1', 16)).toBe(1);
  });
});
