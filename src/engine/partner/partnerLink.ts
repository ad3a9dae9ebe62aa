/**
 * The training worker's end of its partner: commands out, replies to the current stage's
 * listener, and one failure (an error inside the partner, or a partner that could not start)
 * after which nothing more is sent. `startPartnerWorker` makes the real one; tests link a
 * PartnerHost on the same thread (partnerLink.testutil.ts).
 */
import type { MnistSplit } from '../../data/batches.ts';
import type { BackendName } from '../protocol.ts';
import type { PartnerCommand, PartnerReply } from './partnerProtocol.ts';

export class PartnerLink {
  /** Why the partner stopped; null while it works. */
  failure: string | null = null;
  /**
   * How long a step or a weights request may go unanswered before the partner counts as gone
   * (hung: a crash is an error event at once). A step on the slowest backend (cpu, an 800-800
   * learner) takes about 30 s here; the training worker's own watchdog allows 30 s.
   */
  answerTimeoutMs = 60_000;
  /** True once the partner runs the backend; false if it could not start. */
  readonly ready: Promise<boolean>;
  private resolveReady: (ok: boolean) => void = () => {};
  private listener: ((reply: PartnerReply) => void) | null = null;
  private stages = 0;

  constructor(
    private readonly send: (command: PartnerCommand, transfer: Transferable[]) => void,
    private readonly stop: () => void,
  ) {
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
  }

  nextStageId(): number {
    return ++this.stages;
  }

  post(command: PartnerCommand, transfer: Transferable[] = []): void {
    if (!this.failure) this.send(command, transfer);
  }

  /** Replies (and a failure, as an error reply) go to `listener` from now on. */
  listen(listener: ((reply: PartnerReply) => void) | null): void {
    this.listener = listener;
  }

  receive(reply: PartnerReply): void {
    if (this.failure) return;
    if (reply.type === 'ready') this.resolveReady(true);
    else if (reply.type === 'error') this.fail(reply.message);
    else this.listener?.(reply);
  }

  fail(message: string): void {
    if (this.failure) return;
    this.failure = message;
    this.resolveReady(false);
    this.stop();
    this.listener?.({ type: 'error', message });
  }

  close(): void {
    this.failure ??= 'closed';
    this.listener = null;
    this.stop();
  }
}

/** Starts the partner worker on `backend` with a copy of the training split. */
export function startPartnerWorker(backend: BackendName, train: MnistSplit): PartnerLink {
  const worker = new Worker(new URL('./partner.worker.ts', import.meta.url), {
    type: 'module',
    name: 'kd-training-2',
  });
  const link = new PartnerLink(
    (command, transfer) => worker.postMessage(command, transfer),
    () => worker.terminate(),
  );
  worker.onmessage = (e: MessageEvent<PartnerReply>) => link.receive(e.data);
  worker.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    link.fail(e.message || 'an uncaught error');
  };
  const copy = { count: train.count, images: train.images.slice(), labels: train.labels.slice() };
  link.post({ type: 'start', backend, train: copy }, [copy.images.buffer, copy.labels.buffer]);
  return link;
}
