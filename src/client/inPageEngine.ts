import type {
  Command,
  EngineEvent,
  EngineReply,
  ReplyTo,
  RequestCommand,
  WorkerMessage,
} from '../engine/protocol.ts';
import type { EngineClient } from './engineClient.ts';

/**
 * The engine on the page's own thread, for where no worker can start (an iframe sandboxed without
 * `allow-same-origin` gets a SecurityError from `new Worker`). The same EngineHost and protocol
 * as the worker, loaded only when needed; training then shares the thread with the page, so the
 * page is slower and may stutter, and the notice says how the host page can avoid that.
 */
export function startInPageEngine(
  onEvent: (event: EngineEvent) => void,
  onLost: (message: string) => void,
): EngineClient {
  let stopped = false;
  let nextId = 1;
  const pending = new Map<number, (reply: EngineReply) => void>();
  const deliver = (message: WorkerMessage) => {
    if (stopped) return;
    if ('requestId' in message) {
      pending.get(message.requestId)?.(message);
      pending.delete(message.requestId);
    } else {
      onEvent(message);
    }
  };
  const host = import('../engine/engineHost.ts').then(
    ({ EngineHost }) => new EngineHost((message) => queueMicrotask(() => deliver(message))),
  );
  host.catch((e: unknown) => onLost(`The training engine could not load: ${String(e)}.`));
  const send = (command: Command) => {
    void host.then((h) => {
      if (!stopped) h.handle(command).catch((e: unknown) => h.fail(e, true));
    });
  };
  return {
    send,
    request: <C extends RequestCommand>(command: Omit<C, 'requestId'>) =>
      new Promise<ReplyTo<C>>((resolve) => {
        const requestId = nextId++;
        pending.set(requestId, (reply) => resolve(reply as ReplyTo<C>));
        send({ ...command, requestId } as Command);
      }),
    terminate: () => {
      void host.then((h) => h.handle({ type: 'pause' }));
      stopped = true;
      pending.clear();
    },
  };
}

/** Whether this page may start a module worker (a sandboxed iframe without allow-same-origin may not). */
export function workerBlockedMessage(e: unknown): string {
  const why = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return (
    `This page cannot start its training worker (${why}), so training runs on the page’s own ` +
    'thread: slower, and the page may stutter while it trains. If this page is embedded, the ' +
    'host page can fix it by adding allow-same-origin to the iframe’s sandbox attribute ' +
    '(sandbox="allow-scripts allow-same-origin").'
  );
}
