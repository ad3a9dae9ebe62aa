import { expect, test, type Page } from '@playwright/test';
import { openReady } from './helpers';

/** Screenshots of the ready page for people to look at, plus the layout checks they stand for. */
const DIR = 'test-results/screenshots';

async function horizontalOverflow(page: Page) {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    // Elements whose right edge is past the viewport, to say what overflows when something does.
    culprits: [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
  }));
}

test('The ready page at 1280×800 is saved as a screenshot and does not scroll sideways.', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openReady(page);
  await expect(page.getByRole('heading', { level: 1, name: 'KD Playground' })).toBeInViewport();
  await expect(page.getByRole('button', { name: '▶ Train' })).toBeInViewport();
  await page.screenshot({ path: `${DIR}/ready-1280.png`, fullPage: true });
  const overflow = await horizontalOverflow(page);
  expect(overflow.scrollWidth, JSON.stringify(overflow)).toBeLessThanOrEqual(1280 + 1);
});

test('The ready page at 390 px wide (a phone) is saved as a screenshot and nothing overflows sideways.', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openReady(page);
  await page.screenshot({ path: `${DIR}/ready-390.png`, fullPage: true });
  const overflow = await horizontalOverflow(page);
  expect(overflow.scrollWidth, JSON.stringify(overflow)).toBeLessThanOrEqual(390 + 1);
  // The controls a person needs fit the width.
  for (const control of [
    page.getByRole('button', { name: '▶ Train' }),
    page.getByRole('slider', { name: /Temperature/ }),
    page.getByRole('slider', { name: /α/ }),
    page.getByTestId('digit-card').first(),
  ]) {
    const box = await control.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390 + 1);
  }
});

for (const width of [1280, 390]) {
  test(`Every “look inside” panel at ${width} px is saved as a screenshot and nothing overflows sideways.`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height: 900 });
    await openReady(page, 'student=30-30');
    const tabs = page.getByRole('tablist', { name: 'Look inside' }).getByRole('tab');
    const names = await tabs.allTextContents();
    expect(names.length).toBeGreaterThanOrEqual(6);
    for (const name of names) {
      const tab = tabs.filter({ hasText: name });
      await tab.click();
      await expect(tab).toHaveAttribute('aria-selected', 'true');
      const view = (await tab.getAttribute('id'))!.replace('explore-tab-', '');
      if (name === 'Mistakes') {
        await page.getByLabel('Model whose mistakes are listed').selectOption({ label: 'teacher' });
        await page
          .locator('section.explore')
          .getByRole('button', { name: /^true 4, predicted 9/ })
          .click();
        await expect(
          page.getByTestId('mistake-card').first().locator('canvas.digit'),
        ).toBeVisible();
      }
      if (name === 'Dark knowledge') {
        await expect(page.getByTestId('dark-teacher').locator('rect')).toHaveCount(100);
      }
      if (name === 'T × α sweep' && width === 1280) {
        // Filled in: a quick sweep to its end (once: at 390 px the empty grid is checked for
        // overflow, the filled one is e2e/sweep.spec.ts's).
        const sweep = page.getByTestId('sweep-panel');
        await sweep.getByRole('button', { name: 'Quick 2 × 2' }).click();
        await sweep.getByLabel('Data').selectOption('0.1');
        await sweep.getByRole('button', { name: 'Start sweep' }).click();
        await expect(sweep.getByRole('status')).toHaveText('Done.', { timeout: 90_000 });
      }
      if (name === 'Size trade-off') {
        await expect(page.getByTestId('size-teacher')).toBeVisible({ timeout: 60_000 });
      }
      const panel = page.locator('section.explore');
      await panel.screenshot({ path: `${DIR}/explore-${view}-${width}.png` });
      const overflow = await horizontalOverflow(page);
      expect(overflow.scrollWidth, `${name}: ${JSON.stringify(overflow)}`).toBeLessThanOrEqual(
        width + 1,
      );
    }
  });
}

for (const width of [1280, 390]) {
  test(`A lesson at ${width} px is saved as a screenshot, comes first, and nothing overflows sideways.`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await openReady(page, 'lesson=missing-3&step=2');
    const lesson = page.getByTestId('lesson');
    await expect(lesson).toContainText('The bias fix');
    await expect(lesson).toBeInViewport();
    await page.screenshot({ path: `${DIR}/lesson-${width}.png`, fullPage: true });
    await page.screenshot({ path: `${DIR}/lesson-${width}-top.png` });
    const overflow = await horizontalOverflow(page);
    expect(overflow.scrollWidth, JSON.stringify(overflow)).toBeLessThanOrEqual(width + 1);
  });
}
