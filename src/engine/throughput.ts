/** Exponential moving average of samples/s per member; about the last ~20 steps count. */
export class ThroughputMeter {
  private readonly rate: Record<string, number> = {};
  private static readonly SMOOTHING = 0.1;

  record(member: string, samples: number, milliseconds: number): void {
    if (milliseconds <= 0) return;
    const now = (samples * 1000) / milliseconds;
    const previous = this.rate[member];
    this.rate[member] =
      previous === undefined ? now : previous + ThroughputMeter.SMOOTHING * (now - previous);
  }

  rates(): Record<string, number> {
    return { ...this.rate };
  }
}
