/**
 * The page's view of a sweep, from its workers' events (sweepProtocol.ts): a pure reducer. Several
 * workers may run shares of the seeds; the sweep is running while any is, done when all are.
 */
import { CONTROL_ID, type SweepConfig } from '../engine/sweep/sweepGrid.ts';
import type { SweepEvent, SweepState } from '../engine/sweep/sweepProtocol.ts';
import { meanScore, type SweepScore } from '../engine/sweep/sweepScore.ts';

export interface SweepView {
  state: 'idle' | SweepState;
  config: SweepConfig | null;
  /** Each worker's state, by worker index. */
  workers: SweepState[];
  backend: string | null;
  /** Finished seeds: their control's and cells' scores, by learner id. */
  seeds: Record<number, Record<string, SweepScore>>;
  /** The seed each worker is on and how far it is (0–1). */
  progress: Record<number, { seed: number; fraction: number; activity: string }>;
  error: string | null;
  startedAt: number | null;
  finishedAt: number | null;
  /** When the latest event came (elapsed time while it runs). */
  lastAt: number | null;
}

export const IDLE_SWEEP: SweepView = {
  state: 'idle',
  config: null,
  workers: [],
  backend: null,
  seeds: {},
  progress: {},
  error: null,
  startedAt: null,
  finishedAt: null,
  lastAt: null,
};

export type SweepAction =
  | { kind: 'start'; config: SweepConfig; workers: number; now: number }
  | { kind: 'event'; worker: number; event: SweepEvent; now: number };

/** One state for the page from every worker's: failed > running/loading > paused > cancelled > done. */
function overall(workers: readonly SweepState[]): SweepState {
  for (const s of ['failed', 'loading', 'running', 'paused', 'cancelled'] as const)
    if (workers.includes(s)) return s;
  return 'done';
}

export function sweepReducer(view: SweepView, action: SweepAction): SweepView {
  if (action.kind === 'start') {
    return {
      ...IDLE_SWEEP,
      state: 'loading',
      config: action.config,
      workers: Array.from({ length: action.workers }, () => 'loading' as const),
      startedAt: action.now,
      lastAt: action.now,
    };
  }
  return { ...applyEvent(view, action.worker, action.event, action.now), lastAt: action.now };
}

function applyEvent(view: SweepView, worker: number, event: SweepEvent, now: number): SweepView {
  if (worker >= view.workers.length) return view;
  switch (event.type) {
    case 'state': {
      const workers = view.workers.map((s, k) => (k === worker ? event.state : s));
      const state = overall(workers);
      const ended = state === 'done' || state === 'cancelled' || state === 'failed';
      return {
        ...view,
        workers,
        state,
        backend: event.backend ?? view.backend,
        finishedAt: ended ? (view.finishedAt ?? now) : null,
      };
    }
    case 'progress':
      return {
        ...view,
        progress: {
          ...view.progress,
          [worker]: { seed: event.seed, fraction: event.fraction, activity: event.activity },
        },
      };
    case 'seed':
      return { ...view, seeds: { ...view.seeds, [event.seed]: event.scores } };
    case 'error':
      return { ...view, error: event.message };
  }
}

/** Finished seeds / all seeds, counting the running ones' fractions: 0–1. */
export function sweepFraction(view: SweepView): number {
  const total = view.config?.seeds.length ?? 0;
  if (total === 0) return 0;
  const done = Object.keys(view.seeds).length;
  const running = Object.values(view.progress)
    .filter((p) => !(p.seed in view.seeds))
    .reduce((sum, p) => sum + p.fraction, 0);
  return Math.min(1, (done + running) / total);
}

/** Each learner's score averaged over the finished seeds (empty before the first). */
export function meanScores(view: SweepView): Record<string, SweepScore> {
  const seeds = Object.values(view.seeds);
  if (seeds.length === 0) return {};
  return Object.fromEntries(
    Object.keys(seeds[0]).map((id) => [id, meanScore(seeds.map((s) => s[id]))]),
  );
}

export { CONTROL_ID };
