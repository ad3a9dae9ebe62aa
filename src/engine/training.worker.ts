/// <reference lib="webworker" />
/**
 * The training worker: owns the data, the models and the loop (one EngineHost, which holds the
 * session). It speaks only the protocol in protocol.ts; the page never reaches in.
 */
import type { Command, WorkerMessage } from './protocol.ts';
import { EngineHost } from './engineHost.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = new EngineHost((event: WorkerMessage, transfer: Transferable[] = []) =>
  scope.postMessage(event, transfer),
);

scope.onmessage = (event: MessageEvent<Command>) => {
  host.handle(event.data).catch((e: unknown) => host.fail(e, true));
};
