/** The sweep worker's messages: what the page sends it and what it answers. */
import type { BackendRequest } from '../protocol.ts';
import type { SweepConfig } from './sweepGrid.ts';
import type { SweepScore } from './sweepScore.ts';

export type SweepCommand =
  /** Runs the grid of `config` (its seeds: this worker's share). */
  | { type: 'start'; baseUrl: string; backend: BackendRequest; config: SweepConfig }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'cancel' };

export type SweepState = 'loading' | 'running' | 'paused' | 'done' | 'cancelled' | 'failed';

export type SweepEvent =
  | { type: 'state'; state: SweepState; backend?: string }
  /** The current seed's run: 0–1 of it, and what it does (caching, training, evaluating). */
  | { type: 'progress'; seed: number; fraction: number; activity: string }
  /** A seed's run has ended: the control's score and every cell's, by learner id. */
  | { type: 'seed'; seed: number; scores: Record<string, SweepScore> }
  | { type: 'error'; message: string };
