import type {
  Command,
  EngineEvent,
  EngineReply,
  ReplyTo,
  RequestCommand,
  WorkerMessage,
} from '../engine/protocol.ts';

/** The page's handle on the training worker: typed commands in, typed events out. */
export interface EngineClient {
  send(command: Command): void;
  /** A command that gets one reply (a drawn digit's logits, test digits, the size report). */
  request<C extends RequestCommand>(
    command: Omit<C, 'requestId'>,
    transfer?: Transferable[],
  ): Promise<ReplyTo<C>>;
  terminate(): void;
}

function isReply(message: WorkerMessage): message is EngineReply {
  return 'requestId' in message;
}

export function startEngine(onEvent: (event: EngineEvent) => void): EngineClient {
  const worker = new Worker(new URL('../engine/training.worker.ts', import.meta.url), {
    type: 'module',
    name: 'kd-training',
  });
  let nextId = 1;
  const pending = new Map<number, (reply: EngineReply) => void>();
  worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
    const message = e.data;
    if (isReply(message)) {
      pending.get(message.requestId)?.(message);
      pending.delete(message.requestId);
    } else {
      onEvent(message);
    }
  };
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
    request: <C extends RequestCommand>(
      command: Omit<C, 'requestId'>,
      transfer: Transferable[] = [],
    ) =>
      new Promise<ReplyTo<C>>((resolve) => {
        const requestId = nextId++;
        pending.set(requestId, (reply) => resolve(reply as ReplyTo<C>));
        worker.postMessage({ ...command, requestId }, transfer);
      }),
    terminate: () => {
      worker.terminate();
      pending.clear();
    },
  };
}
