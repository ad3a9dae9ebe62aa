import { expect, test } from '@playwright/test';
import {
  collectConsoleErrors,
  dragSlider,
  expectPhase,
  firstCardBars,
  READY_TIMEOUT_MS,
} from './helpers.ts';

/** The numbers a column of the per-class table shows for the "seen" row (training examples per digit). */
async function seenCounts(page: import('@playwright/test').Page): Promise<number[]> {
  const raw = await page.getByTestId('seen-counts').getAttribute('data-counts');
  return (raw ?? '').split(',').map(Number);
}

test('the pretrained teacher loads by default and its soft targets show before any training', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page);
  await page.goto('./');
  // Soft targets of real digits from the pretrained teacher, with the run not started.
  await expect(firstCardBars(page, 'teacher')).toHaveCount(10, { timeout: READY_TIMEOUT_MS });
  await expectPhase(page, 'ready', READY_TIMEOUT_MS);
  await expect(page.getByRole('button', { name: 'Train my own teacher' })).toBeVisible();
  // Its test errors appear without training: the pretrained teacher is evaluated on load.
  await expect(page.getByTestId('accuracy-teacher')).toHaveText(/^\d+\.\d+%$/, { timeout: 60_000 });
  const accuracy = parseFloat(
    (await page.getByTestId('accuracy-teacher').innerText()).replace('%', ''),
  );
  expect(accuracy).toBeGreaterThan(97);
  // A confident teacher at T = 1 puts almost all mass on the true digit of the first card.
  await dragSlider(page, /Temperature/, 0);
  const card = page.getByTestId('digit-card').first();
  const label = await card.getAttribute('data-label');
  const p = Number(
    await card.locator(`[data-model="teacher"][data-class="${label}"]`).getAttribute('data-p'),
  );
  expect(p).toBeGreaterThan(0.9);
  expect(errors).toEqual([]);
});

test('a preset sets the settings and the URL, and the settings can still be changed', async ({
  page,
}) => {
  await page.goto('./');
  await expectPhase(page, 'ready', READY_TIMEOUT_MS);
  await page.getByRole('button', { name: 'The missing 3', exact: true }).click();
  // The link names the preset; its values are implied by it (only later changes are written).
  await expect(page).toHaveURL(/\?preset=missing-3$/);
  await expect(page.getByTestId('preset-summary')).toContainText(
    'No 3 appears in the transfer set',
  );
  await expect(page.getByRole('checkbox', { name: 'Transfer-set digits: 3' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Transfer-set digits: 4' })).toBeChecked();
  await expect(page.getByRole('slider', { name: /Temperature/ })).toHaveAttribute(
    'aria-valuetext',
    'T = 20.00',
  );
  await expect(page.getByTestId('paper-numbers')).toContainText('206');
  // Afterwards the learner changes T; the preset stays, T follows.
  await dragSlider(page, /Temperature/, 0.3);
  await expect(page).toHaveURL(/preset=missing-3.*T=3\.\d/);
});

test('the missing-3 preset keeps 3s out of training, and the bias control changes the errors on 3s', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const errors = collectConsoleErrors(page);
  // A 30-30 student and frequent evaluations keep this quick; the transfer set is the preset's.
  await page.goto('./?preset=missing-3&student=30-30&evalEvery=40');
  await expectPhase(page, 'ready', READY_TIMEOUT_MS);
  await page.getByRole('button', { name: /Train/ }).first().click();
  await expectPhase(page, 'learners', 120_000);
  await expect
    .poll(async () => (await seenCounts(page)).reduce((a, b) => a + b, 0), { timeout: 120_000 })
    .toBeGreaterThan(5000);
  const counts = await seenCounts(page);
  expect(counts[3]).toBe(0);
  for (const d of [0, 1, 2, 4, 5, 6, 7, 8, 9]) expect(counts[d]).toBeGreaterThan(100);

  // After an evaluation, shift the 3-bias of the distilled student: the errors on 3s change at once.
  const omitted = page.getByTestId('omitted-errors-distilled');
  await expect(omitted).toHaveText(/^\d+\/1010$/, { timeout: 120_000 });
  await page.getByRole('button', { name: /Pause/ }).click();
  const before = Number((await omitted.innerText()).split('/')[0]);
  await dragSlider(page, /Bias shift/, 1);
  await expect(page.getByTestId('bias-value')).toHaveText('+10.0');
  await expect
    .poll(async () => Number((await omitted.innerText()).split('/')[0]))
    .toBeLessThan(before);
  await expect(page).toHaveURL(/bias=10/);
  expect(errors).toEqual([]);
});
