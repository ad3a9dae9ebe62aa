import { useCallback, useEffect, useReducer, useRef } from 'react';
import { startSweep, type SweepClient } from '../../client/sweepClient.ts';
import { IDLE_SWEEP, sweepReducer, type SweepView } from '../../client/sweepState.ts';
import type { BackendRequest } from '../../engine/protocol.ts';
import type { SweepConfig } from '../../engine/sweep/sweepGrid.ts';

export interface SweepControls {
  view: SweepView;
  start: (config: SweepConfig) => void;
  pause: () => void;
  resume: () => void;
  cancel: () => void;
}

/**
 * A sweep the page can start, pause, resume and cancel; it lives as long as the page (switching
 * tabs does not stop it). Starting again replaces the one before.
 */
export function useSweep(backend: BackendRequest): SweepControls {
  const [view, dispatch] = useReducer(sweepReducer, IDLE_SWEEP);
  const client = useRef<SweepClient | null>(null);
  useEffect(() => () => client.current?.terminate(), []);
  const start = useCallback(
    (config: SweepConfig) => {
      client.current?.terminate();
      const next = startSweep(config, backend, (worker, event) =>
        dispatch({ kind: 'event', worker, event, now: performance.now() }),
      );
      client.current = next;
      dispatch({ kind: 'start', config, workers: next.workers, now: performance.now() });
    },
    [backend],
  );
  const pause = useCallback(() => client.current?.send({ type: 'pause' }), []);
  const resume = useCallback(() => client.current?.send({ type: 'resume' }), []);
  const cancel = useCallback(() => client.current?.send({ type: 'cancel' }), []);
  return { view, start, pause, resume, cancel };
}
