/**
 * The long soak, in the real app: a 30-30 pair trained for `targetSteps` student steps by the
 * page's worker, with its usual snapshot every 200 ms rendered by the page. Every
 * `sampleEvery` steps: the worker's tf.memory().numTensors (the status line's data-tensors) and
 * the page's JS heap after a forced garbage collection (Chromium with --expose-gc and
 * --enable-precise-memory-info). The run's own records (loss points, evaluations) grow with its
 * length by design; the heap's growth is reported from the first sample after warm-up.
 */
import type { Browser } from '@playwright/test';

export interface SoakSample {
  step: number;
  seconds: number;
  workerTensors: number;
  pageHeapBytes: number | null;
}

export interface SoakResult {
  url: string;
  targetSteps: number;
  samples: SoakSample[];
  /** Last − first worker tensor count over the soak (0 = flat). */
  tensorDrift: number;
  /** Heap growth, %, from the first sample at or after `warmupSteps` to the last. */
  heapGrowthPercent: number | null;
  warmupSteps: number;
  snapshotIntervalMs: number;
}

/** Steps per epoch of the full transfer set (60,000 digits, batch 128): 469. */
const STEPS_PER_EPOCH = Math.ceil(60_000 / 128);

export async function measureAppSoak(
  browser: Browser,
  baseUrl: string,
  targetSteps: number,
  sampleEvery = 2_000,
): Promise<SoakResult> {
  const epochs = Math.min(50, Math.ceil(targetSteps / STEPS_PER_EPOCH));
  const url = `${baseUrl}?student=30-30&epochs=${epochs}&evalEvery=5000`;
  const page = await browser.newPage();
  try {
    await page.goto(url);
    const status = page.getByTestId('status');
    await status.and(page.locator('[data-phase="ready"]')).waitFor({ timeout: 180_000 });
    const started = Date.now();
    await page.getByRole('toolbar').getByRole('button', { name: /^▶/ }).click();
    const read = async () => {
      const [text, tensors, phase] = await Promise.all([
        status.innerText(),
        status.getAttribute('data-tensors'),
        status.getAttribute('data-phase'),
      ]);
      return {
        step: Number((/\bstep\s+(\d+)/.exec(text) ?? [])[1] ?? 0),
        tensors: Number(tensors),
        phase,
      };
    };
    const heap = () =>
      page.evaluate(() => {
        const scope = globalThis as unknown as {
          gc?: () => void;
          performance: { memory?: { usedJSHeapSize: number } };
        };
        scope.gc?.();
        return scope.performance.memory?.usedJSHeapSize ?? null;
      });
    const samples: SoakSample[] = [];
    let next = 0;
    for (;;) {
      const now = await read();
      if (now.phase === 'learners' && now.step >= next) {
        samples.push({
          step: now.step,
          seconds: (Date.now() - started) / 1000,
          workerTensors: now.tensors,
          pageHeapBytes: await heap(),
        });
        next = (Math.floor(now.step / sampleEvery) + 1) * sampleEvery;
      }
      if (now.step >= targetSteps || now.phase === 'done') break;
      if (Date.now() - started > 30 * 60_000) throw new Error(`soak stuck at step ${now.step}`);
      await page.waitForTimeout(500);
    }
    const warm = samples.find((s) => s.step >= sampleEvery) ?? samples[0];
    const last = samples[samples.length - 1];
    return {
      url,
      targetSteps,
      samples,
      tensorDrift: last.workerTensors - samples[0].workerTensors,
      heapGrowthPercent:
        warm?.pageHeapBytes && last.pageHeapBytes
          ? (100 * (last.pageHeapBytes - warm.pageHeapBytes)) / warm.pageHeapBytes
          : null,
      warmupSteps: warm?.step ?? 0,
      snapshotIntervalMs: 200,
    };
  } finally {
    await page.close();
  }
}

/** The soak as Markdown, for bench/results.md. */
export function soakMarkdown(soak: SoakResult): string[] {
  const mb = (b: number | null) => (b === null ? '–' : (b / 1e6).toFixed(2));
  return [
    `### Soak (the app: ${soak.samples.at(-1)?.step ?? 0} student steps of a 30-30 pair, a snapshot every ${soak.snapshotIntervalMs} ms)`,
    '',
    `Worker tensors: ${soak.samples[0]?.workerTensors} → ${soak.samples.at(-1)?.workerTensors} (drift ${soak.tensorDrift}); page JS heap after GC from step ${soak.warmupSteps} to the end: ${soak.heapGrowthPercent === null ? '–' : `${soak.heapGrowthPercent >= 0 ? '+' : ''}${soak.heapGrowthPercent.toFixed(1)}%`} (goal < 10%). \`${soak.url.replace(/^http:\/\/localhost:\d+\//, '')}\``,
    '',
    '| step | seconds | worker tensors | page JS heap after GC, MB |',
    '|---|---|---|---|',
    ...soak.samples.map(
      (s) =>
        `| ${s.step} | ${s.seconds.toFixed(0)} | ${s.workerTensors} | ${mb(s.pageHeapBytes)} |`,
    ),
    '',
  ];
}
