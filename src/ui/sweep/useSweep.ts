import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { startSweep, type SweepClient } from '../../client/sweepClient.ts';
import { IDLE_SWEEP, sweepReducer, type SweepView } from '../../client/sweepState.ts';
import type { BackendRequest } from '../../engine/protocol.ts';
import type { SweepConfig } from '../../engine/sweep/sweepGrid.ts';
import type { SweepEvent } from '../../engine/sweep/sweepProtocol.ts';
import { sweepPart } from '../../i18n/parts/sweep.ts';

export interface SweepControls {
  view: SweepView;
  /**
   * Why no sweep worker could start, when that is the view's error (the panel words it in the
   * page's language; the error itself stays the English sentence), else null.
   */
  noWorker: string | null;
  start: (config: SweepConfig) => void;
  pause: () => void;
  resume: () => void;
  cancel: () => void;
}

/** The English sentence of a sweep that could start no worker (as t('sweep.noWorker') gives it). */
export function noWorkerMessage(why: string): string {
  return sweepPart.en.noWorker.replace('{{why}}', () => why);
}

/**
 * A sweep the page can start, pause, resume and cancel; it lives as long as the page (switching
 * tabs does not stop it). Starting again replaces the one before.
 */
export function useSweep(backend: BackendRequest): SweepControls {
  const [view, dispatch] = useReducer(sweepReducer, IDLE_SWEEP);
  const client = useRef<SweepClient | null>(null);
  const [noWorker, setNoWorker] = useState<string | null>(null);
  useEffect(() => () => client.current?.terminate(), []);
  const start = useCallback(
    (config: SweepConfig) => {
      client.current?.terminate();
      client.current = null;
      setNoWorker(null);
      const onEvent = (worker: number, event: SweepEvent) =>
        dispatch({ kind: 'event', worker, event, now: performance.now() });
      let next: SweepClient;
      try {
        next = startSweep(config, backend, onEvent);
      } catch (e) {
        // A sandboxed frame without allow-same-origin may start no worker; the sweep needs one.
        const why = e instanceof Error ? e.message : String(e);
        dispatch({ kind: 'start', config, workers: 1, now: performance.now() });
        setNoWorker(why);
        onEvent(0, { type: 'error', message: noWorkerMessage(why) });
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
    () => ({ view, noWorker, start, pause, resume, cancel }),
    [view, noWorker, start, pause, resume, cancel],
  );
}
