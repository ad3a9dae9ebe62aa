import { expect, test, type Page } from '@playwright/test';
import { collectConsoleErrors, dragSlider, firstStep, openReady } from './helpers.ts';

const distance = async (page: Page) =>
  Number(await page.getByTestId('limit-distance').textContent());

test('the high-T limit: dragging T makes the exact gradient meet logit matching', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page);
  await openReady(page, 'explore=limit&student=30-30');
  await expect(page.getByTestId('limit-distance')).toBeVisible();
  // Low T: the exact gradient and its high-T approximation are far apart.
  await dragSlider(page, /This panel’s T/, 0);
  await expect(page.getByTestId('limit-T')).toHaveText('1.00');
  const atOne = await distance(page);
  expect(atOne).toBeGreaterThan(0.3);
  // Halfway on the log scale (T ≈ 32), then the end (T = 1000): the bars converge.
  await dragSlider(page, /This panel’s T/, 0.5);
  const middle = await distance(page);
  await dragSlider(page, /This panel’s T/, 1);
  await expect(page.getByTestId('limit-T')).toHaveText('1000');
  const atThousand = await distance(page);
  expect(middle).toBeLessThan(atOne);
  expect(atThousand).toBeLessThan(middle);
  expect(atThousand).toBeLessThan(0.01);
  // The bars say the same: class 3's exact and limit bars agree to 1%.
  const bar = (kind: string) =>
    page
      .locator(`.gradient-bars rect[data-kind="${kind}"][data-class="3"]`)
      .getAttribute('data-value');
  const [exact, limit] = [Number(await bar('exact')), Number(await bar('limit'))];
  expect(Math.abs(exact - limit)).toBeLessThan(0.01 * Math.abs(limit) + 1e-6);
  // Without zero-meaning the logits, the two never meet (unless their means happen to agree).
  await page.getByLabel('Zero-mean the logits').uncheck();
  expect(await distance(page)).toBeGreaterThan(atThousand);
  // The training T is untouched by this panel's slider.
  expect(new URL(page.url()).searchParams.get('T')).toBeNull();
  expect(errors).toEqual([]);
});

test('the dark-knowledge map follows T and fills in for the learners after a step', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors = collectConsoleErrors(page);
  await openReady(page, 'explore=dark&student=30-30&T=1');
  const teacherMap = page.getByTestId('dark-teacher');
  await expect(teacherMap.locator('rect')).toHaveCount(100);
  const cell = (r: number, c: number) =>
    teacherMap.locator(`rect[data-row="${r}"][data-col="${c}"]`);
  // Rows are probabilities: row 3 sums to 1.
  const row3 = await teacherMap
    .locator('rect[data-row="3"]')
    .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-value'))));
  expect(row3.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  const diagonalAtOne = Number(await cell(3, 3).getAttribute('data-value'));
  expect(diagonalAtOne).toBeGreaterThan(0.9);
  // Raise T with the training slider: the teacher's 3s spread their mass to other digits.
  await dragSlider(page, /^Temperature T$/, 0.6);
  await expect
    .poll(async () => Number(await cell(3, 3).getAttribute('data-value')))
    .toBeLessThan(diagonalAtOne - 0.1);
  await expect(cell(3, 5)).toHaveAttribute('data-value', /.+/);
  const tooltip = await cell(3, 5).locator('title').textContent();
  expect(tooltip).toMatch(/teacher: mean p\(5\) over test 3s = \d/);

  await firstStep(page);
  await expect(page.getByTestId('dark-learner').locator('rect')).toHaveCount(100);
  await expect(page.getByTestId('dark-difference').locator('rect')).toHaveCount(100);
  expect(errors).toEqual([]);
});
