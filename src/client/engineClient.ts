import type { Command, EngineEvent } from '../engine/protocol.ts';

/** The page's handle on the training worker: typed commands in, typed events out. */
export interface EngineClient {
  send(command: Command): void;
  terminate(): void;
}

export function startEngine(onEvent: (event: EngineEvent) => void): EngineClient {
  const worker = new Worker(new URL('../engine/training.worker.ts', import.meta.url), {
    type: 'module',
    name: 'kd-training',
  });
  worker.onmessage = (e: MessageEvent<EngineEvent>) => onEvent(e.data);
  worker.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    onEvent({
      type: 'error',
      message: `The training worker crashed: ${e.message || 'unknown error'}`,
      fatal: true,
    });
  };
  return {
    send: (command) => worker.postMessage(command),
    terminate: () => worker.terminate(),
  };
}
