/**
 * How many workers the learners train in. Like the sweep's workers (engine/sweep/sweepShares.ts),
 * a second one only where a core is left after the page's own thread and the first worker: on a
 * 2-core machine one worker, since a third busy thread would slow the page the learner drags its
 * sliders on (bench/results.md, two training workers).
 */
export type TrainingWorkers = 'auto' | '1' | '2';

export function trainingWorkerCount(setting: TrainingWorkers, cores: number): 1 | 2 {
  if (setting === '1') return 1;
  if (setting === '2') return 2;
  return Math.floor(cores) - 1 >= 2 ? 2 : 1;
}
