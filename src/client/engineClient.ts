import type {
  Command,
  EngineEvent,
  EngineReply,
  ReplyTo,
  RequestCommand,
  WorkerMessage,
} from '../engine/protocol.ts';
import { say, worded, type WordedMessage, type Words } from '../engine/messageWords.ts';

/** The page's handle on the training worker: typed commands in, typed events out. */
export interface EngineClient {
  send(command: Command): void;
  /**
   * A command that gets one reply (a drawn digit's logits, test digits, the size report); it
   * rejects if the worker is lost before it answers.
   */
  request<C extends RequestCommand>(
    command: Omit<C, 'requestId'>,
    transfer?: Transferable[],
  ): Promise<ReplyTo<C>>;
  terminate(): void;
}

function isReply(message: WorkerMessage): message is EngineReply {
  return 'requestId' in message;
}

/**
 * How often the watchdog pings the worker, and how long a ping may go unanswered. The worker
 * answers between two ticks; its longest stretches without one (timing every model of a large
 * preset for the size panel on a busy 2-core machine) reached 12 s in the stress test
 * (e2e/stress.spec.ts), so 30 s: a dead worker is still noticed within about half a minute.
 */
export const WATCHDOG = { intervalMs: 2_000, timeoutMs: 30_000 };

/**
 * Starts the training worker. `onLost` hears, once, that the worker is gone: an uncaught error
 * inside it (it may still be running, but its state can no longer be trusted, so it is stopped),
 * or no answer to a ping for WATCHDOG.timeoutMs (closed, killed or hung). After that nothing
 * more is sent or heard; the page keeps what it shows and offers to start again.
 */
export function startEngine(
  onEvent: (event: EngineEvent) => void,
  onLost: (lost: Required<WordedMessage>) => void = () => {},
  worker: Worker = new Worker(new URL('../engine/training.worker.ts', import.meta.url), {
    type: 'module',
    name: 'kd-training',
  }),
): EngineClient {
  let nextId = 1;
  let lost = false;
  const pending = new Map<number, { resolve: (reply: EngineReply) => void; reject: () => void }>();
  let ping: { id: number; sentAt: number } | null = null;
  const stop = (why: Words) => {
    if (lost) return;
    lost = true;
    clearInterval(watchdog);
    worker.terminate();
    for (const { reject } of pending.values()) reject();
    pending.clear();
    onLost(worded(why));
  };
  const watchdog = setInterval(() => {
    const now = Date.now();
    if (ping && now - ping.sentAt > WATCHDOG.timeoutMs) {
      stop(say('client.unanswered', { seconds: Math.round((now - ping.sentAt) / 1000) }));
    } else if (!ping) {
      ping = { id: nextId++, sentAt: now };
      worker.postMessage({ type: 'ping', requestId: ping.id } satisfies Command);
    }
  }, WATCHDOG.intervalMs);
  worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
    if (lost) return;
    const message = e.data;
    if (message.type === 'pong') {
      if (ping?.id === message.requestId) ping = null;
    } else if (isReply(message)) {
      pending.get(message.requestId)?.resolve(message);
      pending.delete(message.requestId);
    } else {
      onEvent(message);
    }
  };
  worker.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    stop(say('client.crashed', { why: e.message || say('client.uncaught') }));
  };
  return {
    send: (command) => {
      if (!lost) worker.postMessage(command);
    },
    request: <C extends RequestCommand>(
      command: Omit<C, 'requestId'>,
      transfer: Transferable[] = [],
    ) =>
      new Promise<ReplyTo<C>>((resolve, reject) => {
        if (lost) return reject(new Error('The training worker is gone.'));
        const requestId = nextId++;
        pending.set(requestId, {
          resolve: (reply) => resolve(reply as ReplyTo<C>),
          reject: () => reject(new Error('The training worker is gone.')),
        });
        worker.postMessage({ ...command, requestId }, transfer);
      }),
    terminate: () => {
      lost = true;
      clearInterval(watchdog);
      worker.terminate();
      pending.clear();
    },
  };
}
