import type { Throughput } from './protocol.ts';

/** Exponential moving average of samples/s per model; about the last ~20 steps count. */
export class ThroughputMeter {
  private readonly rate: Throughput = {};
  private static readonly SMOOTHING = 0.1;

  record(model: keyof Throughput, samples: number, milliseconds: number): void {
    if (milliseconds <= 0) return;
    const now = (samples * 1000) / milliseconds;
    const previous = this.rate[model];
    this.rate[model] =
      previous === undefined ? now : previous + ThroughputMeter.SMOOTHING * (now - previous);
  }

  rates(): Throughput {
    return { ...this.rate };
  }
}
