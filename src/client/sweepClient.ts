import type { BackendRequest } from '../engine/protocol.ts';
import type { SweepConfig } from '../engine/sweep/sweepGrid.ts';
import type { SweepCommand, SweepEvent } from '../engine/sweep/sweepProtocol.ts';
import { splitSeeds, sweepWorkerCount } from '../engine/sweep/sweepShares.ts';

/** The page's handle on the sweep workers: one command goes to all, events come with their worker. */
export interface SweepClient {
  readonly workers: number;
  send(command: Exclude<SweepCommand, { type: 'start' }>): void;
  terminate(): void;
}

/**
 * Starts the sweep's workers (one per share of the seeds, as many as the cores allow: see
 * sweepShares.ts) and gives each its seeds. A worker that crashes reports as failed.
 */
export function startSweep(
  config: SweepConfig,
  backend: BackendRequest,
  onEvent: (worker: number, event: SweepEvent) => void,
  cores = navigator.hardwareConcurrency || 1,
): SweepClient {
  const shares = splitSeeds(config.seeds, sweepWorkerCount(config.seeds.length, cores));
  const baseUrl = new URL('./', document.baseURI).href;
  const workers = shares.map((seeds, k) => {
    const worker = new Worker(new URL('../engine/sweep/sweep.worker.ts', import.meta.url), {
      type: 'module',
      name: `kd-sweep-${k + 1}`,
    });
    worker.onmessage = (e: MessageEvent<SweepEvent>) => onEvent(k, e.data);
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      onEvent(k, {
        type: 'error',
        message: `A sweep worker crashed: ${e.message || 'unknown error'}`,
      });
      onEvent(k, { type: 'state', state: 'failed' });
    };
    const start: SweepCommand = { type: 'start', baseUrl, backend, config: { ...config, seeds } };
    worker.postMessage(start);
    return worker;
  });
  return {
    workers: workers.length,
    send: (command) => workers.forEach((w) => w.postMessage(command)),
    terminate: () => workers.forEach((w) => w.terminate()),
  };
}
