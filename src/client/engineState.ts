/**
 * What the page knows of the worker, as one value, and how each worker event changes it: a pure
 * reducer (no React, no DOM), so the rules (which run a message belongs to, what a new run
 * clears) are plain functions. useEngine (src/ui/useEngine.ts) holds it in React state.
 */
import type { WordedMessage } from '../engine/messageWords.ts';
import type {
  BackendReport,
  EngineEvent,
  Roster,
  SampleDigits,
  Snapshot,
} from '../engine/protocol.ts';

/** A member's latest test-set logits (test size × 10) and the epoch they were taken at. */
export interface MemberEvaluation {
  epoch: number;
  logits: Float32Array;
}

export interface EngineState {
  /** The current run's members; null until the worker announces the first run. */
  roster: Roster | null;
  snapshot: Snapshot | null;
  samples: SampleDigits | null;
  backend: BackendReport | null;
  /** A fatal error (data missing, no backend) or a recoverable one. */
  error: (WordedMessage & { fatal: boolean }) | null;
  /** Why training paused by itself (e.g. diverged). */
  pausedReason: string | null;
  /** Things that went another way than asked (e.g. no pretrained teacher): shown, not fatal. */
  notices: WordedMessage[];
  testLabels: Uint8Array | null;
  /** The latest test-set logits of each member, by member id. */
  evaluations: Readonly<Record<string, MemberEvaluation>>;
  /** Sample-digit logits that came before the run's snapshots (pretrained teachers), by id. */
  earlyLogits: Readonly<Record<string, Float32Array>>;
  /** Messages of runs before this id are stale (a reset was sent): they are dropped. */
  acceptFrom: number;
  /** Why the worker is gone (crashed, closed, stuck); null while it works. */
  lost: WordedMessage | null;
}

export const INITIAL_ENGINE_STATE: EngineState = {
  roster: null,
  snapshot: null,
  samples: null,
  backend: null,
  error: null,
  pausedReason: null,
  notices: [],
  testLabels: null,
  evaluations: {},
  earlyLogits: {},
  acceptFrom: 0,
  lost: null,
};

export type EngineAction =
  | { kind: 'event'; event: EngineEvent }
  /** The page sent a reset: what the old run measured goes, and its late messages are dropped. */
  | { kind: 'reset' }
  /** The page sent play (or reset): a recoverable error is no longer news. */
  | { kind: 'clearError' }
  /** The worker is gone: training stops where it was, everything shown stays. */
  | { kind: 'lost'; lost: WordedMessage }
  /** A new worker replaces a lost one: its run ids start again from 1. */
  | { kind: 'restarted' }
  /** The teacher preview file (before the worker is up): sample digits and logits by member id. */
  | { kind: 'preview'; samples: SampleDigits; logits: Record<string, Float32Array> };

/** The newest run id the page has heard of (−1 before any). */
function latestRunId(state: EngineState): number {
  return Math.max(state.roster?.runId ?? -1, state.snapshot?.runId ?? -1);
}

/**
 * Whether a snapshot or evaluation of run `runId` belongs to what the page shows: the current
 * roster's run (the roster comes before a run's first snapshot), or any run not known to be stale
 * while no roster has come yet (progress while the data loads).
 */
export function isCurrentRun(state: EngineState, runId: number): boolean {
  if (runId < state.acceptFrom) return false;
  return state.roster === null || runId === state.roster.runId;
}

/** Whether two lists of points hold the same: as long, and the same first and last point. */
function samePoints<P>(a: readonly P[], b: readonly P[]): boolean {
  if (a.length !== b.length) return false;
  if (a.length === 0) return true;
  const same = (x: P, y: P) => JSON.stringify(x) === JSON.stringify(y);
  return same(a[0], b[0]) && same(a[a.length - 1], b[b.length - 1]);
}

/**
 * The new snapshot, with the previous one's loss and evaluation lists where they hold the same
 * points: each snapshot arrives as a fresh copy, and the curves (memoised on their points) then
 * render only when a point comes (a loss point every few steps, an evaluation now and then), not
 * five times a second. A list changes only by a point added at its end or by halving
 * (history.ts), which changes its length.
 */
export function keepUnchangedCurves(previous: Snapshot | null, next: Snapshot): Snapshot {
  if (!previous || previous.runId !== next.runId) return next;
  const loss = samePoints(previous.loss, next.loss) ? previous.loss : next.loss;
  const evaluations = samePoints(previous.evaluations, next.evaluations)
    ? previous.evaluations
    : next.evaluations;
  return loss === next.loss && evaluations === next.evaluations
    ? next
    : { ...next, loss, evaluations };
}

function onEvent(state: EngineState, event: EngineEvent): EngineState {
  switch (event.type) {
    case 'roster': {
      const { roster } = event;
      if (roster.runId < state.acceptFrom) return state;
      if (state.roster && roster.runId < state.roster.runId) return state;
      const newRun = state.roster?.runId !== roster.runId;
      // The old snapshot stays until the new run's first one (no flash of an empty page); the
      // views look every member up by id, so one the new roster lacks is simply not drawn.
      return { ...state, roster, evaluations: newRun ? {} : state.evaluations };
    }
    case 'snapshot': {
      const { snapshot } = event;
      if (!isCurrentRun(state, snapshot.runId)) return state;
      return {
        ...state,
        snapshot: keepUnchangedCurves(state.snapshot, snapshot),
        pausedReason: snapshot.running ? null : state.pausedReason,
      };
    }
    case 'evaluation': {
      const { runId, epoch, logits } = event.evaluation;
      if (!isCurrentRun(state, runId)) return state;
      const evaluations = { ...state.evaluations };
      for (const [id, l] of Object.entries(logits)) evaluations[id] = { epoch, logits: l };
      return { ...state, evaluations };
    }
    case 'samples':
      return { ...state, samples: event.samples };
    case 'backend':
      return { ...state, backend: event.report };
    case 'paused':
      return { ...state, pausedReason: event.reason };
    case 'error':
      return {
        ...state,
        error: { message: event.message, fatal: event.fatal, words: event.words },
      };
    case 'notice': {
      const { message, words } = event;
      return state.notices.some((n) => n.message === message)
        ? state
        : { ...state, notices: [...state.notices, { message, words }] };
    }
    case 'testLabels':
      return { ...state, testLabels: event.labels };
    case 'earlyLogits':
      return { ...state, earlyLogits: { ...state.earlyLogits, [event.member]: event.logits } };
  }
}

export function engineReducer(state: EngineState, action: EngineAction): EngineState {
  switch (action.kind) {
    case 'event':
      return onEvent(state, action.event);
    case 'reset':
      return { ...state, error: null, evaluations: {}, acceptFrom: latestRunId(state) + 1 };
    case 'clearError':
      return state.error ? { ...state, error: null } : state;
    case 'lost':
      return {
        ...state,
        lost: action.lost,
        snapshot: state.snapshot && { ...state.snapshot, running: false },
      };
    case 'restarted':
      return { ...state, lost: null, error: null, pausedReason: null, acceptFrom: 0 };
    case 'preview': {
      // The worker's own samples and logits win: the preview only fills what is still empty.
      const earlyLogits = { ...action.logits, ...state.earlyLogits };
      return { ...state, samples: state.samples ?? action.samples, earlyLogits };
    }
  }
}

/**
 * Each member's logits on the sample digits: the snapshot's where it has them, else what came
 * early (the pretrained teacher's, before the run exists).
 */
export function sampleLogitsById(
  sampleLogits: Snapshot['sampleLogits'] | undefined,
  earlyLogits: Readonly<Record<string, Float32Array>>,
): Readonly<Record<string, Float32Array>> {
  const out: Record<string, Float32Array> = { ...earlyLogits };
  for (const [id, logits] of Object.entries(sampleLogits ?? {})) {
    if (logits.length > 0) out[id] = logits;
  }
  return out;
}
