import { expect, test, type Page } from '@playwright/test';
import { collectConsoleErrors, firstStep, openReady, readStep } from './helpers';

/** The first card's canvas as PNG bytes: what the bars look like now. */
const bars = (page: Page) =>
  page
    .getByTestId('digit-card')
    .first()
    .locator('canvas.bars-canvas')
    .screenshot({ animations: 'disabled' });

test('While a hand holds the T slider the bars follow it and the other views wait; at release they catch up.', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page);
  await openReady(page, '?student=30-30');
  await firstStep(page);
  await page.getByRole('toolbar').getByRole('button', { name: /^▶/ }).click();
  await expect.poll(() => readStep(page)).toBeGreaterThan(3);
  const slider = page.getByRole('slider', { name: /Temperature/ });
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.3, y);
  await page.mouse.down();
  // Whether the cards' words were ever marked as behind the bars (dimmed, aria-busy) meanwhile.
  await page.evaluate(() => {
    const cards = document.querySelector('.digit-cards')!;
    const seen = { behind: false };
    (window as unknown as { wordsBehind: typeof seen }).wordsBehind = seen;
    new MutationObserver(() => {
      if (cards.getAttribute('aria-busy') === 'true') seen.behind = true;
    }).observe(cards, { attributes: true, attributeFilter: ['aria-busy'] });
  });
  // Views caught up with the press; from now on the status shows the step it showed then.
  await page.waitForTimeout(500);
  const held = await readStep(page);
  const before = await bars(page);
  for (const f of [0.5, 0.7, 0.9]) {
    await page.mouse.move(box.x + box.width * f, y, { steps: 4 });
    await page.waitForTimeout(400);
  }
  // The bars were redrawn for the new T while the hand is still down...
  expect((await bars(page)).equals(before)).toBe(false);
  // ...and the run trained on behind a status that waited.
  expect(await readStep(page)).toBe(held);
  // Mid-move the words under the bars were marked as behind; once the hand rested, no longer.
  expect(
    await page.evaluate(
      () => (window as unknown as { wordsBehind: { behind: boolean } }).wordsBehind.behind,
    ),
  ).toBe(true);
  await expect(page.locator('.digit-cards')).not.toHaveAttribute('aria-busy', 'true');
  await page.mouse.up();
  await expect.poll(() => readStep(page)).toBeGreaterThan(held ?? 0);
  expect(errors).toEqual([]);
});
