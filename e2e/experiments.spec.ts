import { expect, test } from '@playwright/test';
import {
  collectConsoleErrors,
  dragSlider,
  expectPhase,
  firstCardBars,
  READY_TIMEOUT_MS,
} from './helpers.ts';

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
  // The bars' words follow T once the hand rests.
  const bar = card.locator(`[data-model="teacher"][data-class="${label}"]`);
  await expect.poll(async () => Number(await bar.getAttribute('data-p'))).toBeGreaterThan(0.9);
  expect(errors).toEqual([]);
});

test('a preset sets the settings and the URL, and the settings can still be changed', async ({
  page,
}) => {
  await page.goto('./');
  await expectPhase(page, 'ready', READY_TIMEOUT_MS);
  // The preset (a lesson of the same name is listed above the presets).
  await page
    .getByRole('group', { name: 'Presets' })
    .getByRole('button', { name: 'The missing 3', exact: true })
    .click();
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
