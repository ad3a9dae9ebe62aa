import { describe, expect, it } from 'vitest';
import { TurnQueue, type TurnTimers } from './turnQueue.ts';

/** Timers that run only when the test advances the clock. */
function fakeTimers() {
  let now = 0;
  let nextId = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();
  const timers: TurnTimers = {
    setTimeout: (callback, ms) => {
      pending.set(nextId, { at: now + ms, callback });
      return nextId++;
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
  };
  /** Runs every timer due up to `ms` from now, in time order. */
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...pending].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at);
      if (due.length === 0) break;
      const [id, t] = due[0];
      pending.delete(id);
      now = t.at;
      t.callback();
    }
    now = end;
  };
  return { timers, advance, now: () => now };
}

/** A queue with a 20 ms gap and a 1,000 ms longest turn, and a log of whose turn ran when. */
function setup() {
  const clock = fakeTimers();
  const queue = new TurnQueue(20, 1000, clock.timers);
  const log: string[] = [];
  const dones = new Map<string, () => void>();
  const ask = (name: string, owner: object = { name }) => {
    queue.request(owner, (done) => {
      log.push(`${name}@${clock.now()}`);
      dones.set(name, done);
    });
    return owner;
  };
  return { clock, queue, log, dones, ask };
}

describe('TurnQueue', () => {
  it('starts a turn at once when no other is under way', () => {
    const { log, ask } = setup();
    ask('accuracy');
    expect(log).toEqual(['accuracy@0']);
  });

  it('runs one turn at a time, the next one gap after the previous reports done', () => {
    const { clock, log, dones, ask } = setup();
    ask('accuracy');
    ask('loss');
    ask('fidelity');
    clock.advance(500);
    expect(log).toEqual(['accuracy@0']);
    dones.get('accuracy')!(); // at 500
    clock.advance(19);
    expect(log).toEqual(['accuracy@0']);
    clock.advance(1);
    expect(log).toEqual(['accuracy@0', 'loss@520']);
    clock.advance(30);
    dones.get('loss')!(); // at 550
    clock.advance(20);
    expect(log).toEqual(['accuracy@0', 'loss@520', 'fidelity@570']);
  });

  it('ends a turn that never reports after the longest turn, then goes on', () => {
    const { clock, log, ask } = setup();
    ask('accuracy');
    ask('loss');
    clock.advance(1019);
    expect(log).toEqual(['accuracy@0']);
    clock.advance(1);
    expect(log).toEqual(['accuracy@0', 'loss@1020']);
  });

  it('counts a turn that reports done twice (or after its time ran out) once', () => {
    const { clock, log, dones, ask } = setup();
    ask('accuracy');
    ask('loss');
    ask('fidelity');
    dones.get('accuracy')!();
    dones.get('accuracy')!();
    clock.advance(20);
    expect(log).toEqual(['accuracy@0', 'loss@20']);
    clock.advance(1000); // loss runs out at 1020 …
    dones.get('loss')!(); // … and reports late, at 1020: fidelity still waits one gap only
    clock.advance(20);
    expect(log).toEqual(['accuracy@0', 'loss@20', 'fidelity@1040']);
  });

  it('keeps the place of an owner that asks again, and runs its latest turn', () => {
    const { clock, queue, log, dones, ask } = setup();
    ask('accuracy');
    const loss = ask('loss');
    ask('fidelity');
    queue.request(loss, (done) => {
      log.push(`loss (newer points)@${clock.now()}`);
      dones.set('loss', done);
    });
    expect(queue.pending).toBe(2);
    dones.get('accuracy')!();
    clock.advance(20);
    dones.get('loss')!();
    clock.advance(20);
    expect(log).toEqual(['accuracy@0', 'loss (newer points)@20', 'fidelity@40']);
  });

  it('drops a cancelled owner and, once the queue is empty, starts the next request at once', () => {
    const { clock, queue, log, dones, ask } = setup();
    ask('accuracy');
    const loss = ask('loss');
    queue.cancel(loss);
    dones.get('accuracy')!();
    clock.advance(20);
    expect(log).toEqual(['accuracy@0']);
    expect(queue.pending).toBe(0);
    clock.advance(100);
    ask('fidelity');
    expect(log).toEqual(['accuracy@0', 'fidelity@120']);
  });
});
