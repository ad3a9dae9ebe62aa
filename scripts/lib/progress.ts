/** A one-line progress bar with elapsed time and an estimate of time left, on stderr. */
export class ProgressBar {
  private readonly started = Date.now();
  private printedBucket = -1;
  constructor(
    private readonly total: number,
    private readonly label: string,
  ) {}

  update(done: number, detail = ''): void {
    const fraction = Math.min(1, done / this.total);
    const elapsed = (Date.now() - this.started) / 1000;
    const left = fraction > 0 ? elapsed * (1 / fraction - 1) : NaN;
    const width = 30;
    const bar = '█'.repeat(Math.round(fraction * width)).padEnd(width, '░');
    const line = `${this.label} ${bar} ${(100 * fraction).toFixed(1)}% ${formatSeconds(elapsed)} elapsed, ~${formatSeconds(left)} left ${detail}`;
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${line.padEnd(120)}`);
      return;
    }
    // Not a terminal (a log file, CI): one line per 5%.
    const bucket = Math.floor(fraction * 20);
    if (bucket !== this.printedBucket) {
      this.printedBucket = bucket;
      process.stderr.write(`${line}\n`);
    }
  }

  done(): void {
    if (process.stderr.isTTY) process.stderr.write('\n');
  }
}

export function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${s.toFixed(0)}s`;
}
