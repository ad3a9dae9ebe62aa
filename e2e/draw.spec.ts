import { expect, test, type Page } from '@playwright/test';
import { collectConsoleErrors, openReady } from './helpers.ts';

/** The ten probabilities of one model's bars in the draw panel. */
async function drawnProbabilities(page: Page, model: string): Promise<number[]> {
  const bars = page.getByTestId(`draw-${model}`).locator(`[data-model="${model}"]`);
  await expect(bars).toHaveCount(10);
  return bars.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-p'))));
}

const argmax = (p: number[]) => p.indexOf(Math.max(...p));

/** Drags the mouse through canvas points given as fractions of its side. */
async function stroke(page: Page, points: [number, number][]) {
  const canvas = page.getByLabel(/^Drawing area/);
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const at = ([x, y]: [number, number]) => [box.x + x * box.width, box.y + y * box.height] as const;
  await page.mouse.move(...at(points[0]));
  await page.mouse.down();
  for (const p of points.slice(1)) await page.mouse.move(...at(p), { steps: 8 });
  await page.mouse.up();
}

test('a learner draws a 1, then turns it into a 7, and the soft targets follow', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page);
  await openReady(page, 'explore=draw&student=30-30&T=1');
  await expect(page.getByText('Draw a digit in the black square')).toBeVisible();
  // A vertical stroke: the teacher reads a 1.
  await stroke(page, [
    [0.5, 0.15],
    [0.5, 0.85],
  ]);
  await expect(
    page.getByRole('img', { name: 'the drawing as a 28 × 28 MNIST digit' }),
  ).toBeVisible();
  await expect.poll(async () => argmax(await drawnProbabilities(page, 'teacher'))).toBe(1);
  const asOne = await drawnProbabilities(page, 'teacher');
  // Every learner has bars too.
  await expect(page.getByTestId('draw-distilled').locator('[data-model="distilled"]')).toHaveCount(
    10,
  );
  // A bar across the top, joined to the stroke: now it is a 7.
  await stroke(page, [
    [0.2, 0.15],
    [0.5, 0.15],
  ]);
  await expect.poll(async () => argmax(await drawnProbabilities(page, 'teacher'))).toBe(7);
  expect(await drawnProbabilities(page, 'teacher')).not.toEqual(asOne);
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByText('Draw a digit in the black square')).toBeVisible();
  expect(errors).toEqual([]);
});

test('without drawing: load a test digit, move it and erase half of it', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await openReady(page, 'explore=draw&student=30-30&T=1');
  const select = page.getByLabel('Test digit to load');
  const four = await select.locator('option', { hasText: /^a 4 / }).first().getAttribute('value');
  await select.selectOption(four!);
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await expect.poll(async () => argmax(await drawnProbabilities(page, 'teacher'))).toBe(4);
  const loaded = await drawnProbabilities(page, 'teacher');
  // Centring undoes a move: the soft targets stay (the digit only moved).
  await page.getByRole('button', { name: 'Move left' }).click();
  await expect.poll(() => drawnProbabilities(page, 'teacher')).toEqual(loaded);
  await page.getByRole('button', { name: 'Erase top half' }).click();
  await expect.poll(() => drawnProbabilities(page, 'teacher')).not.toEqual(loaded);
  expect(errors).toEqual([]);
});
