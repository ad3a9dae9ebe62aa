/**
 * Learners in parallel (bench.html?mode=pair, src/bench/pairPage.ts): the pair's throughput with
 * one worker or two, and the page's slider latency and long tasks meanwhile. The slider is
 * dragged as the app's T slider is (appBench.ts, dragBackAndForth).
 */
import type { Browser } from '@playwright/test';
import type { PairResult } from '../../src/bench/pairProtocol.ts';
import { dragBackAndForth } from './appBench.ts';

export async function measurePair(
  browser: Browser,
  baseUrl: string,
  workers: number,
  idleSeconds: number,
  drags: number,
): Promise<PairResult | string> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await page.goto(`${baseUrl}/bench.html?mode=pair&workers=${workers}&idle=${idleSeconds}`);
    const state = () => (window as unknown as { pairState?: string }).pairState === 'drag';
    await page.waitForFunction(state, null, { timeout: 300_000, polling: 100 });
    await dragBackAndForth(page, page.getByRole('slider', { name: 'Temperature' }), drags);
    await page.evaluate(() => (window as unknown as { pairFinish: () => void }).pairFinish());
    const handle = await page.waitForFunction(
      () => (window as unknown as { benchResult?: unknown }).benchResult,
      null,
      { timeout: 120_000, polling: 200 },
    );
    const outcome = (await handle.jsonValue()) as
      { ok: true; result: PairResult } | { ok: false; error: string };
    return outcome.ok ? outcome.result : outcome.error;
  } finally {
    await context.close();
  }
}
