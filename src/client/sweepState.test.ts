import { describe, expect, it } from 'vitest';
import { DEFAULT_SWEEP } from '../engine/sweep/sweepGrid.ts';
import { splitSeeds, sweepWorkerCount } from '../engine/sweep/sweepShares.ts';
import { IDLE_SWEEP, meanScores, sweepFraction, sweepReducer } from './sweepState.ts';

const config = { ...DEFAULT_SWEEP, seeds: [1, 2] };
const score = (test: number) => ({ validation: test / 2, heldOut: test / 2, test });

describe('sweep workers', () => {
  it('uses one worker on 2 cores and at most one per seed, leaving the page a core', () => {
    expect(sweepWorkerCount(3, 2)).toBe(1);
    expect(sweepWorkerCount(3, 1)).toBe(1);
    expect(sweepWorkerCount(3, 8)).toBe(3);
    expect(sweepWorkerCount(2, 4)).toBe(2);
  });

  it('deals seeds round-robin', () => {
    expect(splitSeeds([1, 2, 3, 4, 5], 2)).toEqual([
      [1, 3, 5],
      [2, 4],
    ]);
    expect(splitSeeds([7], 3)).toEqual([[7]]);
  });
});

describe('sweepReducer', () => {
  it('is running while any worker runs, done when all are, and averages finished seeds', () => {
    let view = sweepReducer(IDLE_SWEEP, { kind: 'start', config, workers: 2, now: 0 });
    expect(view.state).toBe('loading');
    view = sweepReducer(view, {
      kind: 'event',
      worker: 0,
      now: 1,
      event: { type: 'state', state: 'running', backend: 'wasm' },
    });
    expect(view.state).toBe('loading');
    view = sweepReducer(view, {
      kind: 'event',
      worker: 1,
      now: 2,
      event: { type: 'state', state: 'running' },
    });
    expect(view.state).toBe('running');
    expect(view.backend).toBe('wasm');
    view = sweepReducer(view, {
      kind: 'event',
      worker: 0,
      now: 3,
      event: { type: 'progress', seed: 1, fraction: 0.5, activity: 'training' },
    });
    view = sweepReducer(view, {
      kind: 'event',
      worker: 1,
      now: 3,
      event: { type: 'progress', seed: 2, fraction: 0.25, activity: 'training' },
    });
    expect(sweepFraction(view)).toBeCloseTo((0.5 + 0.25) / 2, 10);
    view = sweepReducer(view, {
      kind: 'event',
      worker: 0,
      now: 4,
      event: { type: 'seed', seed: 1, scores: { control: score(300), 'T4-a0.1': score(280) } },
    });
    view = sweepReducer(view, {
      kind: 'event',
      worker: 0,
      now: 5,
      event: { type: 'state', state: 'done' },
    });
    expect(view.state).toBe('running');
    expect(view.finishedAt).toBeNull();
    expect(meanScores(view)['T4-a0.1'].test).toBe(280);
    view = sweepReducer(view, {
      kind: 'event',
      worker: 1,
      now: 6,
      event: { type: 'seed', seed: 2, scores: { control: score(310), 'T4-a0.1': score(270) } },
    });
    view = sweepReducer(view, {
      kind: 'event',
      worker: 1,
      now: 7,
      event: { type: 'state', state: 'done' },
    });
    expect(view.state).toBe('done');
    expect(view.finishedAt).toBe(7);
    expect(sweepFraction(view)).toBe(1);
    expect(meanScores(view).control.test).toBe(305);
    expect(meanScores(view)['T4-a0.1'].validation).toBe(137.5);
  });

  it('keeps scores already shown when a worker fails, and says why', () => {
    let view = sweepReducer(IDLE_SWEEP, { kind: 'start', config, workers: 1, now: 0 });
    view = sweepReducer(view, {
      kind: 'event',
      worker: 0,
      now: 1,
      event: { type: 'seed', seed: 1, scores: { control: score(300) } },
    });
    view = sweepReducer(view, {
      kind: 'event',
      worker: 0,
      now: 2,
      event: { type: 'error', message: 'boom' },
    });
    view = sweepReducer(view, {
      kind: 'event',
      worker: 0,
      now: 2,
      event: { type: 'state', state: 'failed' },
    });
    expect(view.state).toBe('failed');
    expect(view.error).toBe('boom');
    expect(meanScores(view).control.test).toBe(300);
  });
});
