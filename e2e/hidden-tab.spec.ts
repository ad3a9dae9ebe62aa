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
  const tab = { hidden: false, held: [] as FrameRequestCallback[] };
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
};

/** Hides the tab: from now on the page gets no frames and slow timers. */
async function hide(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __tab: { hidden: boolean } }).__tab.hidden = true;
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

async function stepsIn(page: Page, ms: number): Promise<number> {
  const before = (await readStep(page)) ?? 0;
  await page.waitForTimeout(ms);
  return ((await readStep(page)) ?? 0) - before;
}

test('a hidden tab keeps training, and coming back shows the latest step without a backlog', async ({
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
  await hide(page);
  const hidden = await stepsIn(page, 3000);
  // The worker trains on at its own pace: no frame, no timer of the page drives it.
  expect(visible).toBeGreaterThan(0);
  expect(hidden).toBeGreaterThan(visible / 2);

  // Coming back: the status line shows a newer step, and the page renders no backlog. It kept
  // up while hidden (the steps above were read from the page), so in its first second back it
  // renders about five snapshots, as always; a queue replayed item by item would show more.
  const step = (await readStep(page)) ?? 0;
  const renders = await page.evaluate(async () => {
    const tab = (window as unknown as { __tab: { hidden: boolean; held: FrameRequestCallback[] } })
      .__tab;
    let count = 0;
    const observer = new MutationObserver(() => count++);
    observer.observe(document.querySelector('[data-testid="status"]')!, {
      subtree: true,
      characterData: true,
      childList: true,
    });
    tab.hidden = false;
    for (const callback of tab.held.splice(0)) requestAnimationFrame(callback);
    document.dispatchEvent(new Event('visibilitychange'));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    observer.disconnect();
    return count;
  });
  await expect.poll(() => readStep(page)).toBeGreaterThan(step);
  expect(renders).toBeGreaterThan(0);
  expect(renders).toBeLessThanOrEqual(10);
  expect(errors).toEqual([]);
});
