import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Command, WorkerMessage } from '../engine/protocol.ts';
import { startEngine, WATCHDOG } from './engineClient.ts';

/** A stand-in for the training worker: records what it is sent, answers pings if told to. */
class FakeWorker {
  sent: Command[] = [];
  terminated = false;
  answerPings = true;
  onmessage: ((e: MessageEvent<WorkerMessage>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  postMessage(command: Command) {
    this.sent.push(command);
    if (command.type === 'ping' && this.answerPings)
      queueMicrotask(() => this.reply({ type: 'pong', requestId: command.requestId }));
  }
  reply(message: WorkerMessage) {
    this.onmessage?.({ data: message } as MessageEvent<WorkerMessage>);
  }
  terminate() {
    this.terminated = true;
  }
}

const start = (worker: FakeWorker) => {
  const events: string[] = [];
  const lost: string[] = [];
  const client = startEngine(
    (e) => events.push(e.type),
    (m) => lost.push(m.message),
    worker as unknown as Worker,
  );
  return { client, events, lost };
};

describe('the engine client’s watchdog', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps a worker that answers its pings', async () => {
    const worker = new FakeWorker();
    const { lost, client } = start(worker);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(lost).toEqual([]);
    expect(worker.sent.filter((c) => c.type === 'ping').length).toBeGreaterThan(20);
    client.terminate();
  });

  it('reports a worker that stops answering, once, and stops it', async () => {
    const worker = new FakeWorker();
    const { lost, client } = start(worker);
    await vi.advanceTimersByTimeAsync(10_000);
    worker.answerPings = false;
    // Caught now: it rejects while the timers run, before the assertions below look at it.
    let settled: unknown = 'still pending';
    void client.request({ type: 'measureSize' }).then(
      (reply) => (settled = reply),
      (e: unknown) => (settled = e),
    );
    // The next ping goes out within one interval; it is given up on after the timeout.
    await vi.advanceTimersByTimeAsync(WATCHDOG.timeoutMs - WATCHDOG.intervalMs);
    expect(lost).toEqual([]);
    await vi.advanceTimersByTimeAsync(WATCHDOG.intervalMs * 3);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatch(/stopped answering/);
    expect(worker.terminated).toBe(true);
    expect(String(settled)).toMatch(/gone/);
    // Nothing more is sent, and nothing more is heard (a late error is not a second loss).
    const sent = worker.sent.length;
    client.send({ type: 'play' });
    worker.onerror?.({ message: 'late', preventDefault: () => {} } as unknown as ErrorEvent);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(worker.sent.length).toBe(sent);
    expect(lost).toHaveLength(1);
  });

  it('stops a worker with an uncaught error, and ignores what it posts after', () => {
    const worker = new FakeWorker();
    const { lost, events } = start(worker);
    const prevent = vi.fn();
    worker.onerror?.({ message: 'boom', preventDefault: prevent } as unknown as ErrorEvent);
    expect(prevent).toHaveBeenCalled();
    expect(lost).toEqual(['The training worker crashed: boom.']);
    expect(worker.terminated).toBe(true);
    worker.reply({ type: 'notice', message: 'late' });
    expect(events).toEqual([]);
  });
});
