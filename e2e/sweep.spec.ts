import { expect, test } from '@playwright/test';
import { collectConsoleErrors, openReady } from './helpers.ts';

test('a 2 × 2 sweep fills its heatmaps in, pauses, resumes, and each cell links to its run', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors = collectConsoleErrors(page);
  await openReady(page, 'explore=sweep&seed=3');
  const panel = page.getByTestId('sweep-panel');
  await panel.getByRole('button', { name: 'Quick 2 × 2' }).click();
  // The form says what the grid costs before it starts.
  await expect(panel).toContainText(
    '4 cells + 1 control × 1 seed = 10 learner-epochs on 15,000 digits',
  );
  const cells = page.getByTestId('sweep-errors').locator('td[data-cell]');
  await panel.getByRole('button', { name: 'Start sweep' }).click();
  await expect(cells).toHaveCount(4);
  // Before the seed ends every cell is pending.
  await expect(page.getByTestId('sweep-errors').locator('td.pending')).toHaveCount(4);
  await expect(panel.getByRole('status')).toHaveText('Running.', { timeout: 60_000 });
  await panel.getByRole('button', { name: 'Pause' }).click();
  await expect(panel.getByRole('status')).toHaveText('Paused.');
  const pausedAt = await page.locator('.sweep-status progress').getAttribute('value');
  await page.waitForTimeout(1500);
  expect(await page.locator('.sweep-status progress').getAttribute('value')).toBe(pausedAt);
  await panel.getByRole('button', { name: 'Resume' }).click();
  await expect(panel.getByRole('status')).toHaveText('Done.', { timeout: 90_000 });
  // Every cell has its errors; the second map has each one's difference to the control.
  await expect(page.getByTestId('sweep-errors').locator('td.pending')).toHaveCount(0);
  const values = await cells.evaluateAll((tds) =>
    tds.map((td) => Number(td.getAttribute('data-value'))),
  );
  expect(values).toHaveLength(4);
  for (const v of values) {
    expect(v).toBeGreaterThan(0);
    expect(v).toBeLessThan(10_000);
  }
  const summary = await page.getByTestId('sweep-summary').textContent();
  const control = Number(/Control \(hard labels\): (\d+)/.exec(summary ?? '')?.[1]);
  expect(control).toBeGreaterThan(0);
  const gains = await page
    .getByTestId('sweep-gain')
    .locator('td[data-cell]')
    .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
  expect(gains).toEqual(values.map((v) => v - control));
  // One cell is starred (fewest errors on the validation half).
  await expect(page.getByTestId('sweep-errors').locator('.best-mark')).toHaveCount(1);
  // A cell's link names its run: T, α, student, length, seed and the data share.
  const link = page.getByTestId('sweep-errors').locator('td[data-cell="T8-a0.5"] a');
  const href = await link.getAttribute('href');
  const params = new URLSearchParams(href!.slice(1));
  expect(Object.fromEntries(params)).toEqual({
    T: '8',
    alpha: '0.5',
    student: '300-300',
    epochs: '2',
    seed: '3',
    fraction: '0.25',
  });
  await expect(link).toHaveAttribute('target', '_blank');
  expect(errors).toEqual([]);
});

test('a sweep can be cancelled and started again; it goes on while another tab is open', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors = collectConsoleErrors(page);
  await openReady(page, 'explore=sweep');
  const panel = page.getByTestId('sweep-panel');
  await panel.getByRole('button', { name: 'Quick 2 × 2' }).click();
  // Shorter: a 30-30 student, 1 epoch on a tenth of the data.
  await panel.getByLabel('Student').selectOption('30-30');
  await panel.getByLabel('Epochs').selectOption('1');
  await panel.getByLabel('Data').selectOption('0.1');
  await expect(panel).toContainText('5 learner-epochs on 6,000 digits');
  await panel.getByRole('button', { name: 'Start sweep' }).click();
  await expect(panel.getByRole('status')).toHaveText('Running.', { timeout: 60_000 });
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByRole('status')).toContainText('Cancelled');
  await panel.getByRole('button', { name: 'Start again' }).click();
  await expect(panel.getByRole('status')).toHaveText('Running.', { timeout: 60_000 });
  // Away to another tab and back: the sweep kept going.
  await page.getByRole('tab', { name: 'Dark knowledge' }).click();
  await page.getByRole('tab', { name: 'T × α sweep' }).click();
  await expect(page.getByTestId('sweep-panel').getByRole('status')).toHaveText('Done.', {
    timeout: 90_000,
  });
  await expect(page.getByTestId('sweep-errors').locator('td.pending')).toHaveCount(0);
  expect(errors).toEqual([]);
});
