import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { startSweep, type SweepClient } from '../../client/sweepClient.ts';
import { IDLE_SWEEP, sweepReducer, type SweepView } from '../../client/sweepState.ts';
import type { BackendRequest } from '../../engine/protocol.ts';
import type { SweepConfig } from '../../engine/sweep/sweepGrid.ts';
import type { SweepEvent } from '../../engine/sweep/sweepProtocol.ts';

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
      client.current = null;
      const onEvent = (worker: number, event: SweepEvent) =>
        dispatch({ kind: 'event', worker, event, now: performance.now() });
      let next: SweepClient;
      try {
        next = startSweep(config, backend, onEvent);
      } catch (e) {
        // A sandboxed frame without allow-same-origin may start no worker; the sweep needs one.
        dispatch({ kind: 'start', config, workers: 1, now: performance.now() });
        onEvent(0, {
          type: 'error',
          message: `The sweep needs a worker, and this page cannot start one (${e instanceof Error ? e.message : String(e)}). If it is embedded, the host page can allow it with sandbox="allow-scripts allow-same-origin".`,
        });
        onEvent(0, { type: 'state', state: 'failed' });
        return;
      }
      client.current = next;
      dispatch({ kind: 'start', config, workers: next.workers, now: performance.now() });
    },
    [backend],
  );
  const pause = useCallback(() => client.current?.send({ type: 'pause' }), []);
  const resume = useCallback(() => client.current?.send({ type: 'resume' }), []);
  const cancel = useCallback(() => client.current?.send({ type: 'cancel' }), []);
  return useMemo(
    () => ({ view, start, pause, resume, cancel }),
    [view, start, pause, resume, cancel],
  );
}
