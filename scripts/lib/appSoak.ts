/**
 * The long soak, in the real app: a 30-30 pair trained for `targetSteps` student steps by the
 * page's worker, with its usual snapshot every 200 ms rendered by the page. Every
 * `sampleEvery` steps: the worker's tf.memory().numTensors (the status line's data-tensors) and
 * the page's JS heap after a forced garbage collection (Chromium with --expose-gc and
 * --enable-precise-memory-info). The run's own records (loss points, evaluations) grow with its
 * length by design; the heap's growth is reported from the first sample after warm-up. With
 * `compiledCode`, a heap snapshot at that sample and the last says how much of the heap is V8's
 * compiled code, which grows for as long as more of the page's functions get hot enough to
 * compile. Off by default: a snapshot stops the page for seconds and collects garbage several
 * times, so the samples after it are no longer those of an undisturbed run.
 */
import type { Browser, CDPSession } from '@playwright/test';
import { compiledCodeBytes, takeHeapSnapshot } from './heapSnapshotCode.ts';

export interface SoakSample {
  step: number;
  seconds: number;
  workerTensors: number;
  pageHeapBytes: number | null;
  /** Of the page heap, V8's compiled code (a heap snapshot); at the warm-up and last samples. */
  pageCodeBytes?: number;
}

export interface SoakResult {
  url: string;
  targetSteps: number;
  samples: SoakSample[];
  /** Last − first worker tensor count over the soak (0 = flat). */
  tensorDrift: number;
  /** Heap growth, %, from the first sample at or after `warmupSteps` to the last. */
  heapGrowthPercent: number | null;
  /** The same growth of the heap without its compiled code. */
  heapGrowthWithoutCodePercent?: number | null;
  warmupSteps: number;
  snapshotIntervalMs: number;
}

/** Steps per epoch of the full transfer set (60,000 digits, batch 128): 469. */
const STEPS_PER_EPOCH = Math.ceil(60_000 / 128);

export async function measureAppSoak(
  browser: Browser,
  baseUrl: string,
  targetSteps: number,
  {
    sampleEvery = 2_000,
    compiledCode = false,
  }: { sampleEvery?: number; compiledCode?: boolean } = {},
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
    // One collection still counts the ArrayBuffers it found dead (an evaluation's replaced
    // test-set logits, 2 × 10,000 × 10 float32 = 0.8 MB): every sample right after an
    // evaluation read ~0.9 MB more after one gc() than after three in the same task.
    const heap = () =>
      page.evaluate(() => {
        const scope = globalThis as unknown as {
          gc?: () => void;
          performance: { memory?: { usedJSHeapSize: number } };
        };
        for (let i = 0; i < 3; i++) scope.gc?.();
        return scope.performance.memory?.usedJSHeapSize ?? null;
      });
    let cdp: CDPSession | undefined;
    const code = async () => {
      cdp ??= await page.context().newCDPSession(page);
      return compiledCodeBytes(await takeHeapSnapshot(cdp));
    };
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
        if (
          compiledCode &&
          now.step >= sampleEvery &&
          !samples.some((s) => s.pageCodeBytes !== undefined)
        ) {
          samples[samples.length - 1].pageCodeBytes = await code();
        }
        next = (Math.floor(now.step / sampleEvery) + 1) * sampleEvery;
      }
      if (now.step >= targetSteps || now.phase === 'done') break;
      if (Date.now() - started > 30 * 60_000) throw new Error(`soak stuck at step ${now.step}`);
      await page.waitForTimeout(500);
    }
    const warm = samples.find((s) => s.step >= sampleEvery) ?? samples[0];
    const last = samples[samples.length - 1];
    if (compiledCode) last.pageCodeBytes ??= await code();
    return {
      url,
      targetSteps,
      samples,
      tensorDrift: last.workerTensors - samples[0].workerTensors,
      heapGrowthPercent:
        warm?.pageHeapBytes && last.pageHeapBytes
          ? (100 * (last.pageHeapBytes - warm.pageHeapBytes)) / warm.pageHeapBytes
          : null,
      heapGrowthWithoutCodePercent: growthWithoutCode(warm, last),
      warmupSteps: warm?.step ?? 0,
      snapshotIntervalMs: 200,
    };
  } finally {
    await page.close();
  }
}

/** Heap growth, %, from `warm` to `last` without the compiled code; null without both readings. */
function growthWithoutCode(warm: SoakSample | undefined, last: SoakSample): number | null {
  const rest = (s: SoakSample | undefined) =>
    s?.pageHeapBytes && s.pageCodeBytes !== undefined ? s.pageHeapBytes - s.pageCodeBytes : null;
  const [from, to] = [rest(warm), rest(last)];
  return from && to ? (100 * (to - from)) / from : null;
}

const signedPercent = (p: number) => `${p >= 0 ? '+' : ''}${p.toFixed(1)}%`;

/** The soak as Markdown, for bench/results.md. */
export function soakMarkdown(soak: SoakResult): string[] {
  const mb = (b: number | null | undefined) => (b == null ? '–' : (b / 1e6).toFixed(2));
  const coded = soak.samples.filter((s) => s.pageCodeBytes !== undefined);
  const codeNote =
    coded.length === 2 && soak.heapGrowthWithoutCodePercent != null
      ? ` Of it, V8's compiled code (--soak-code: two heap snapshots, which disturb the run; DevTools' "Code") ${mb(coded[0].pageCodeBytes)} → ${mb(coded[1].pageCodeBytes)} MB; the heap without it: ${signedPercent(soak.heapGrowthWithoutCodePercent)}.`
      : '';
  return [
    `### Soak (the app: ${soak.samples.at(-1)?.step ?? 0} student steps of a 30-30 pair, a snapshot every ${soak.snapshotIntervalMs} ms)`,
    '',
    `Worker tensors: ${soak.samples[0]?.workerTensors} → ${soak.samples.at(-1)?.workerTensors} (drift ${soak.tensorDrift}); page JS heap after GC from step ${soak.warmupSteps} to the end: ${soak.heapGrowthPercent === null ? '–' : signedPercent(soak.heapGrowthPercent)} (goal < 10%).${codeNote} \`${soak.url.replace(/^http:\/\/localhost:\d+\//, '')}\``,
    '',
    `| step | seconds | worker tensors | page JS heap after GC, MB |${coded.length ? ' of it compiled code, MB |' : ''}`,
    `|---|---|---|---|${coded.length ? '---|' : ''}`,
    ...soak.samples.map(
      (s) =>
        `| ${s.step} | ${s.seconds.toFixed(0)} | ${s.workerTensors} | ${mb(s.pageHeapBytes)} |${coded.length ? ` ${mb(s.pageCodeBytes)} |` : ''}`,
    ),
    '',
  ];
}
