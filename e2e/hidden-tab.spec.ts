import { expect, test, type Page } from '@playwright/test';
import { collectConsoleErrors, expectPhase, openReady, readStep } from './helpers.ts';

/**
 * Headless Chromium keeps every page visible (minimising its window does not hide it either), so
 * the page is made to behave as a hidden tab does: `visibilityState` is "hidden", animation
 * frames stop (held until the tab returns), timers fire at most once a second. The training
 * worker is left alone, as a browser leaves a hidden tab's dedicated workers; that the engine
 * never waits for an animation frame is checked in src/engine/noAnimationFrame.test.ts.
 */
const HIDDEN_TAB = () => {
  const tab = { hidden: false, held: [] as FrameRequestCallback[], longTasks: [] as number[] };
  (window as unknown as { __tab: typeof tab }).__tab = tab;
  const frame = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => {
    if (!tab.hidden) return frame(callback);
    tab.held.push(callback);
    return 0;
  };
  const timeout = window.setTimeout.bind(window);
  window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) =>
    timeout(handler, tab.hidden ? Math.max(ms ?? 0, 1000) : ms, ...args)) as typeof setTimeout;
  Object.defineProperty(document, 'visibilityState', {
    get: () => (tab.hidden ? 'hidden' : 'visible'),
  });
  Object.defineProperty(document, 'hidden', { get: () => tab.hidden });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tab.longTasks.push(entry.startTime);
  }).observe({ type: 'longtask' });
};

/** Hides the tab (true) or brings it back (false, running the frames it held); returns when. */
function setHidden(page: Page, hidden: boolean): Promise<number> {
  return page.evaluate((h) => {
    const tab = (window as unknown as { __tab: { hidden: boolean; held: FrameRequestCallback[] } })
      .__tab;
    tab.hidden = h;
    if (!h) for (const callback of tab.held.splice(0)) requestAnimationFrame(callback);
    document.dispatchEvent(new Event('visibilitychange'));
    return performance.now();
  }, hidden);
}

async function stepsIn(page: Page, ms: number): Promise<number> {
  const before = (await readStep(page)) ?? 0;
  await page.waitForTimeout(ms);
  return ((await readStep(page)) ?? 0) - before;
}

test('a hidden tab keeps training, and coming back shows the latest step without a long task', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const errors = collectConsoleErrors(page);
  await page.addInitScript(HIDDEN_TAB);
  await openReady(page, 'student=30-30&fraction=0.1&epochs=30');
  await page.getByRole('button', { name: /Train/ }).first().click();
  await expectPhase(page, 'learners', 60_000);
  await expect.poll(() => readStep(page), { timeout: 30_000 }).toBeGreaterThan(20);

  const visible = await stepsIn(page, 3000);
  await setHidden(page, true);
  const hidden = await stepsIn(page, 3000);
  // The worker trains on at its own pace: no frame, no timer of the page drives it.
  expect(visible).toBeGreaterThan(0);
  expect(hidden).toBeGreaterThan(visible / 2);

  const back = await setHidden(page, false);
  const step = (await readStep(page)) ?? 0;
  await expect.poll(() => readStep(page)).toBeGreaterThan(step);
  await page.waitForTimeout(2000);
  // What the page held while hidden is one latest snapshot, not a queue: no burst on return.
  const longTasks = await page.evaluate(
    (since) =>
      (window as unknown as { __tab: { longTasks: number[] } }).__tab.longTasks.filter(
        (t) => t >= since,
      ),
    back,
  );
  expect(longTasks).toEqual([]);
  expect(errors).toEqual([]);
});
