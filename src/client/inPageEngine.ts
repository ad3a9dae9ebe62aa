import type {
  Command,
  EngineEvent,
  EngineReply,
  ReplyTo,
  RequestCommand,
  WorkerMessage,
} from '../engine/protocol.ts';
import { say, worded, type WordedMessage } from '../engine/messageWords.ts';
import type { EngineClient } from './engineClient.ts';

/**
 * The engine on the page's own thread, for where no worker can start (an iframe sandboxed without
 * `allow-same-origin` gets a SecurityError from `new Worker`). The same EngineHost and protocol
 * as the worker, loaded only when needed; training then shares the thread with the page, so the
 * page is slower and may stutter, and the notice says how the host page can avoid that.
 */
export function startInPageEngine(
  onEvent: (event: EngineEvent) => void,
  onLost: (lost: Required<WordedMessage>) => void,
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
  host.catch((e: unknown) => onLost(worded(say('client.noEngine', { why: String(e) }))));
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

/** Why this page runs the engine on its own thread: `new Worker` threw (a sandboxed iframe). */
export function workerBlockedMessage(e: unknown): Required<WordedMessage> {
  const why = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return worded(say('client.workerBlocked', { why }));
}
