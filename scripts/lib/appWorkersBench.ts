/**
 * The real app's learners in one training worker or two (`?workers=1|2`): the pair's steps per
 * second with the page untouched and while the T slider is dragged, the slider's latency and the
 * page's long tasks meanwhile. The same measures as the pair test page (pairBench.ts), on the app.
 */
import type { Browser, Page } from '@playwright/test';
import type { PairResult, PairWindow } from '../../src/bench/pairProtocol.ts';
import { dragBackAndForth, INSTRUMENT, percentile } from './appBench.ts';

const BATCH = 128;

interface Bench {
  latencies: number[];
  longTasks: number[];
}

/** The step the status line shows, and when (page time, ms). */
async function stepNow(page: Page): Promise<{ step: number; at: number }> {
  return page.evaluate(() => {
    const text = document.querySelector('[data-testid="status"]')?.textContent ?? '';
    return { step: Number(/step (\d+)/.exec(text)?.[1] ?? 0), at: performance.now() };
  });
}

const bench = (page: Page) =>
  page.evaluate(() => (window as unknown as { __kdBench: Bench }).__kdBench);

function windowOf(
  from: { step: number; at: number },
  to: { step: number; at: number },
  longTasks: number[],
): PairWindow {
  const seconds = (to.at - from.at) / 1000;
  const pairStepsPerSec = (to.step - from.step) / seconds;
  return {
    seconds,
    pairStepsPerSec,
    samplesPerSec: pairStepsPerSec * BATCH,
    longTasks: longTasks.filter((t) => t >= from.at && t <= to.at).length,
  };
}

export async function measureAppWorkers(
  browser: Browser,
  baseUrl: string,
  workers: 1 | 2,
  idleSeconds: number,
  drags: number,
): Promise<PairResult | string> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await page.addInitScript(INSTRUMENT);
    await page.goto(`${baseUrl}/?student=800-800&backend=wasm&workers=${workers}`);
    await page.waitForSelector('[data-testid="status"][data-phase="ready"]', { timeout: 120_000 });
    await page.getByRole('button', { name: /Train/ }).first().click();
    await page.waitForSelector('[data-testid="status"][data-phase="learners"]', {
      timeout: 300_000,
    });
    const shown = (await page.getByTestId('workers').count()) > 0 ? 2 : 1;
    if (shown !== workers) return `asked for ${workers} workers, the page trains in ${shown}`;
    await page.waitForTimeout(3_000); // past the first evaluation and the optimizers' first steps
    const idleFrom = await stepNow(page);
    await page.waitForTimeout(idleSeconds * 1000);
    const idleTo = await stepNow(page);
    // While a slider is held the views keep their state (useSliderHeld): the step before the press
    // and the first one shown after the release bound the drag (one snapshot, ≤ 200 ms, of slack).
    const dragFrom = await stepNow(page);
    const before = (await bench(page)).latencies.length;
    await dragBackAndForth(page, page.getByRole('slider', { name: /Temperature/ }), drags);
    await page.waitForFunction(
      (step) => {
        const text = document.querySelector('[data-testid="status"]')?.textContent ?? '';
        return Number(/step (\d+)/.exec(text)?.[1] ?? 0) > step;
      },
      dragFrom.step,
      { timeout: 30_000, polling: 20 },
    );
    const dragTo = await stepNow(page);
    const { latencies, longTasks } = await bench(page);
    const drag = latencies.slice(before);
    return {
      workers,
      hardwareConcurrency: await page.evaluate(() => navigator.hardwareConcurrency),
      backend: 'wasm',
      threads: 1,
      batchSize: BATCH,
      idle: windowOf(idleFrom, idleTo, longTasks),
      drag: {
        ...windowOf(dragFrom, dragTo, longTasks),
        inputs: drag.length,
        p50: percentile(drag, 50),
        p95: percentile(drag, 95),
        max: Math.max(...drag),
      },
    };
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    await context.close();
  }
}
