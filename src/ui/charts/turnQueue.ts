/**
 * Charts take turns to draw their new points. recharts 3 keeps each chart's state in a Redux
 * store and renders a store change in one synchronous block at the next animation frame
 * (27–35 ms of script per chart here); when the accuracy, loss and fidelity charts got new
 * points together, their blocks landed in the same frame and made one task of over 50 ms
 * (README, Performance). The queue hands out one turn at a time: a turn lasts until its owner
 * says its work has landed (or `maxTurnMs` passes), and the next begins `gapMs` later.
 */

/** The timer functions the queue uses (the page's; a test passes fake ones). */
export interface TurnTimers {
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

/** What runs at an owner's turn; it calls `done` once its work has landed. */
export type Turn = (done: () => void) => void;

export class TurnQueue {
  private readonly waiting: { owner: object; turn: Turn }[] = [];
  /** Whether a turn, or the gap after it, is under way. */
  private busy = false;

  constructor(
    private readonly gapMs: number,
    private readonly maxTurnMs: number,
    private readonly timers: TurnTimers,
  ) {}

  /**
   * Asks for a turn for `owner`. When the queue is idle the turn starts at once; an owner that
   * asks again before its turn keeps its place, and its latest `turn` is the one that runs.
   */
  request(owner: object, turn: Turn): void {
    const queued = this.waiting.find((w) => w.owner === owner);
    if (queued) queued.turn = turn;
    else this.waiting.push({ owner, turn });
    if (!this.busy) this.next();
  }

  /** Takes `owner` out of the queue (a chart that unmounts); a turn under way runs out. */
  cancel(owner: object): void {
    const i = this.waiting.findIndex((w) => w.owner === owner);
    if (i >= 0) this.waiting.splice(i, 1);
  }

  /** How many owners wait for a turn. */
  get pending(): number {
    return this.waiting.length;
  }

  private next(): void {
    const first = this.waiting.shift();
    if (!first) {
      this.busy = false;
      return;
    }
    this.busy = true;
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      this.timers.clearTimeout(fallback);
      this.timers.setTimeout(() => this.next(), this.gapMs);
    };
    const fallback = this.timers.setTimeout(end, this.maxTurnMs);
    first.turn(end);
  }
}
