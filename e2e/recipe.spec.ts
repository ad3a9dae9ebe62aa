import { expect, test } from '@playwright/test';
import { collectConsoleErrors, expectPhase, firstStep, openReady, urlParam } from './helpers';

const lossSelect = (page: import('@playwright/test').Page) =>
  page.getByRole('combobox', { name: 'Loss of the distilled student' });

test('Switching the loss mode changes the formula, the link and the loss curve.', async ({
  page,
}) => {
  test.setTimeout(4 * 60_000);
  const errors = collectConsoleErrors(page);
  await openReady(page, 'student=30-30&evalEvery=5000');
  const formula = page.getByTestId('loss-formula');
  await expect(formula).toContainText('KL');
  await expect(page.getByTestId('loss-chart')).toContainText('(1−α)·T²·KL (soft)');

  await lossSelect(page).selectOption({ label: 'Decoupled KD' });
  await expect.poll(() => urlParam(page, 'loss')).toBe('dkd');
  await expect(formula).toContainText('TCKD');
  await expect(formula).toContainText('NCKD');
  await expect(formula).toContainText('Zhao');
  // The loss chart's curves follow the new objective's terms.
  const chart = page.getByTestId('loss-chart');
  await expect(chart).toContainText('TCKD (target class)');
  await expect(chart).toContainText('NCKD (other classes)');
  await expect(chart).not.toContainText('(1−α)·T²·KL (soft)');

  // Train until the first loss point (10 steps) and read the terms with their gradient norms.
  await expectPhase(page, 'ready', 90_000);
  await page.getByRole('button', { name: '▶ Train' }).click();
  await expect
    .poll(() => chart.getAttribute('data-points').then(Number), { timeout: 120_000 })
    .toBeGreaterThan(0);
  await page.getByRole('button', { name: '❚❚ Pause' }).click();
  const terms = page.getByTestId('loss-terms');
  await expect(terms.locator('[data-term]')).toHaveText([
    /^hard \d/,
    /^tckd \d.*‖∇‖ \d/,
    /^nckd \d.*‖∇‖ \d/,
  ]);
  await expect(chart.getByRole('img')).toHaveAttribute('aria-label', /TCKD/);

  // Back to logit matching: formula and link follow.
  await lossSelect(page).selectOption({ label: 'Logit matching' });
  await expect.poll(() => urlParam(page, 'loss')).toBe('logit-mse');
  await expect(formula).toContainText('Ba & Caruana');
  await expect(chart).toContainText('MSE of logits');
  expect(errors).toEqual([]);
});

test('The results table shows each student’s agreement with the teacher and their KL.', async ({
  page,
}) => {
  test.setTimeout(4 * 60_000);
  await openReady(page, 'student=30-30');
  await expect(page.getByRole('columnheader', { name: /agrees with teacher/i })).toBeVisible();
  // The first step caches the teacher's logits and evaluates both students at epoch 0.
  await firstStep(page);
  for (const id of ['distilled', 'control']) {
    await expect(page.getByTestId(`agreement-${id}`)).toHaveText(/^\d{1,3}\.\d\d%$/, {
      timeout: 60_000,
    });
    await expect(page.getByTestId(`kl-${id}`)).toHaveText(/^\d/);
  }
  // Untrained twins start from the same weights: the same agreement, the same KL.
  await expect(page.getByTestId('agreement-distilled')).toHaveText(
    (await page.getByTestId('agreement-control').textContent()) ?? '',
  );
  // The teacher's own row has no agreement with itself.
  await expect(page.getByTestId('agreement-teacher')).toHaveText(/^(–|)$/);
});

test('A recipe link round-trips: the page rebuilds the run it names and writes the same link.', async ({
  page,
}) => {
  test.setTimeout(3 * 60_000);
  const query = 'preset=missing-3&T=4&alpha=0.3&loss=soft-ce&student=300-300&seed=5';
  await openReady(page, query);
  await expect(lossSelect(page)).toHaveValue('soft-ce');
  await expect(page.getByRole('slider', { name: /^Temperature/ })).toHaveAttribute(
    'aria-valuetext',
    'T = 4.00',
  );
  const roster = page.getByTestId('roster');
  await expect(roster.locator('li')).toHaveCount(3);
  await expect(roster.locator('li[data-member="distilled"]')).toContainText('784-300-300-10');
  await expect(roster.locator('li[data-member="control"]')).toContainText('hard labels');
  await expect(roster.locator('li[data-member="teacher"]')).toContainText('784-1200-1200-10');
  for (const [key, value] of new URLSearchParams(query)) {
    await expect.poll(() => urlParam(page, key)).toBe(value);
  }
  // The same link in a new page gives the same run.
  const link = page.url();
  await page.goto(link);
  await expectPhase(page, 'ready', 90_000);
  await expect(lossSelect(page)).toHaveValue('soft-ce');
  await expect(roster.locator('li[data-member="distilled"]')).toContainText('784-300-300-10');
  expect(page.url()).toBe(link);
});
