/// <reference lib="webworker" />
/**
 * The sweep worker: trains a T × α grid apart from the page's run (its own data, teacher and
 * loop), speaking only sweepProtocol.ts. The page may start several, one per share of the seeds.
 */
import { SweepHost } from './sweepHost.ts';
import type { SweepCommand, SweepEvent } from './sweepProtocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = new SweepHost((event: SweepEvent) => scope.postMessage(event));

scope.onmessage = (event: MessageEvent<SweepCommand>) => {
  host.handle(event.data).catch((e: unknown) =>
    scope.postMessage({
      type: 'error',
      message: e instanceof Error ? e.message : String(e),
    } satisfies SweepEvent),
  );
};
