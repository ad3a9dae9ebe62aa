/**
 * What a person feels in the real app: startup on a cold cache, responsiveness of the T slider
 * while training runs, and main-thread long tasks. Drives the production build in Chromium.
 */
import type { Browser, Locator, Page } from '@playwright/test';

export interface StartupResult {
  msToFirstSoftTargets: number;
  msToReady: number;
  msToFirstTrainingStep: number;
  bytesBeforeFirstView: number;
  bytesTotal: number;
  requests: number;
}

export interface ResponsivenessResult {
  drags: number;
  /** input event → first frame after the soft-target panel shows the new T, ms. */
  p50: number;
  p95: number;
  max: number;
  longTasks: number;
  longTaskWindowSeconds: number;
  phaseWhileMeasured: string;
}

/** Installed before the app's own scripts: records first soft targets, slider latencies, long tasks. */
export const INSTRUMENT = () => {
  const bench = { firstSoftTargets: -1, latencies: [] as number[], longTasks: [] as number[] };
  (window as unknown as { __kdBench: typeof bench }).__kdBench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push(entry.startTime);
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-model="teacher"]')) {
      bench.firstSoftTargets = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener(
    'input',
    (event) => {
      const target = event.target as HTMLInputElement;
      if (target.id !== 'slider-T') return;
      const started = event.timeStamp;
      // React renders the new T synchronously for a discrete input event; the frame after it is
      // the one that paints it. A message posted from requestAnimationFrame runs after that paint.
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => bench.latencies.push(performance.now() - started);
        channel.port2.postMessage(null);
      });
    },
    true,
  );
};

/**
 * Drags a slider back and forth across its track with the mouse, a few pixels per move every
 * 40 ms, like a hand: `moves` input events (the bench's slider-latency measurements).
 */
export async function dragBackAndForth(page: Page, slider: Locator, moves: number): Promise<void> {
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width / 2, y);
  await page.mouse.down();
  for (let i = 0; i < moves; i++) {
    const f = 0.1 + 0.8 * Math.abs(((i * 0.02) % 2) - 1);
    await page.mouse.move(box.x + f * box.width, y);
    await page.waitForTimeout(40);
  }
  await page.mouse.up();
}

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

async function status(page: Page): Promise<{ phase: string; step: number }> {
  return page.evaluate(() => {
    const el = document.querySelector('[data-testid="status"]');
    const step = /step (\d+)/.exec(el?.textContent ?? '');
    return { phase: el?.getAttribute('data-phase') ?? '', step: step ? Number(step[1]) : 0 };
  });
}

export async function measureStartup(browser: Browser, url: string): Promise<StartupResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } }); // cold cache
  const page = await context.newPage();
  await page.addInitScript(INSTRUMENT);
  const transfers: { at: number; bytes: number }[] = [];
  const started = Date.now();
  page.on('requestfinished', (request) => {
    void request.sizes().then((s) =>
      transfers.push({
        at: Date.now() - started,
        bytes: s.responseBodySize + s.responseHeadersSize,
      }),
    );
  });
  await page.goto(url);
  await page.waitForFunction(
    () =>
      (window as unknown as { __kdBench: { firstSoftTargets: number } }).__kdBench
        .firstSoftTargets > 0,
    null,
    { timeout: 120_000 },
  );
  const firstView = await page.evaluate(
    () =>
      (window as unknown as { __kdBench: { firstSoftTargets: number } }).__kdBench.firstSoftTargets,
  );
  await page.waitForSelector('[data-testid="status"][data-phase="ready"]', { timeout: 120_000 });
  const ready = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: /Train/ }).first().click();
  await page.waitForFunction(
    () => /step [1-9]/.test(document.querySelector('[data-testid="status"]')?.textContent ?? ''),
    null,
    { timeout: 300_000, polling: 50 },
  );
  const firstStep = await page.evaluate(() => performance.now());
  await page.waitForTimeout(500);
  const before = transfers.filter((t) => t.at <= firstView + 50).reduce((n, t) => n + t.bytes, 0);
  const total = transfers.reduce((n, t) => n + t.bytes, 0);
  await context.close();
  return {
    msToFirstSoftTargets: Math.round(firstView),
    msToReady: Math.round(ready),
    msToFirstTrainingStep: Math.round(firstStep),
    bytesBeforeFirstView: before,
    bytesTotal: total,
    requests: transfers.length,
  };
}

export async function measureResponsiveness(
  browser: Browser,
  url: string,
  drags = 120,
): Promise<ResponsivenessResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(INSTRUMENT);
  await page.goto(url);
  await page.waitForSelector('[data-testid="status"][data-phase="ready"]', { timeout: 120_000 });
  await page.getByRole('button', { name: /Train/ }).first().click();
  // Measure while the students train (the teacher-logit cache comes first).
  await page.waitForSelector('[data-testid="status"][data-phase="learners"]', { timeout: 300_000 });
  const windowStart = await page.evaluate(() => performance.now());
  await dragBackAndForth(page, page.getByRole('slider', { name: /Temperature/ }), drags);
  const elapsed = (await page.evaluate(() => performance.now())) - windowStart;
  if (elapsed < 30_000) await page.waitForTimeout(30_000 - elapsed);
  const windowEnd = await page.evaluate(() => performance.now());
  const { latencies, longTasks } = await page.evaluate(
    () =>
      (window as unknown as { __kdBench: { latencies: number[]; longTasks: number[] } }).__kdBench,
  );
  const { phase } = await status(page);
  await context.close();
  return {
    drags: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: Math.max(...latencies),
    longTasks: longTasks.filter((t) => t >= windowStart && t <= windowEnd).length,
    longTaskWindowSeconds: Math.round((windowEnd - windowStart) / 1000),
    phaseWhileMeasured: phase,
  };
}
