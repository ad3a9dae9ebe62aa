import { expect, test, type Page } from '@playwright/test';
import { collectConsoleErrors, expectPhase, openReadyWith, urlParam } from './helpers.ts';

/** Screenshots of the variant presets for people to look at. */
const DIR = 'test-results/screenshots';

const ENSEMBLE_MEMBERS: [string, string][] = [
  ['member-1', 'teacher 1'],
  ['member-2', 'teacher 2'],
  ['member-3', 'teacher 3'],
  ['ensemble', 'ensemble of 3'],
  ['distilled', 'student from the ensemble'],
  ['control', 'control student (hard labels)'],
];

const rosterItem = (page: Page, id: string) =>
  page.getByTestId('roster').locator(`li[data-member="${id}"]`);

const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('The ensemble preset shows every teacher and the student on the roster, in the charts and in the results', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page);
  await openReadyWith(page, 'preset=ensemble', 'ensemble');
  await expect(page.getByRole('button', { name: 'Ensemble into one' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByTestId('roster').locator('li')).toHaveCount(ENSEMBLE_MEMBERS.length);
  for (const [id, label] of ENSEMBLE_MEMBERS) {
    await expect(rosterItem(page, id)).toContainText(label);
    await expect(page.getByTestId(`result-${id}`)).toContainText(label);
  }
  await expect(rosterItem(page, 'ensemble')).toContainText(
    'ensemble of teacher 1, teacher 2, teacher 3 · mean of probabilities',
  );
  await expect(page.getByTestId('accuracy-chart').locator('.chart-legend li')).toHaveText(
    ENSEMBLE_MEMBERS.map(([, label]) => label),
  );
  // The ensemble's bars stand for its members'; theirs are one click away.
  const pick = (name: string) =>
    page.getByRole('group', { name: 'Models whose bars are shown' }).getByLabel(name);
  await expect(pick('ensemble of 3')).toBeChecked();
  await expect(pick('teacher 1')).not.toBeChecked();

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${DIR}/ensemble-1280.png`, fullPage: true });
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(1);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${DIR}/ensemble-390.png`, fullPage: true });
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(1);
  expect(errors).toEqual([]);
});

test('The ensemble average is chosen in Run settings and restarts the run', async ({ page }) => {
  await openReadyWith(page, 'preset=ensemble', 'ensemble');
  const rule = page.getByRole('combobox', { name: 'Ensemble average' });
  await expect(rule).toHaveValue('mean-probabilities');
  await rule.selectOption({ label: 'mean of logits' });
  await page.getByRole('button', { name: 'Apply & restart' }).click();
  await expect.poll(() => urlParam(page, 'ensemble')).toBe('mean-logits');
  await expect(rosterItem(page, 'ensemble')).toContainText('· mean of logits');
  await expectPhase(page, 'ready', 60_000);
});

test('The specialists preset shows errors on each half', async ({ page }) => {
  test.setTimeout(4 * 60_000);
  const errors = collectConsoleErrors(page);
  await openReadyWith(page, 'preset=specialists', 'specialists');
  await expect(rosterItem(page, 'specialists')).toContainText(
    'product of specialist 0–4 and specialist 5–9',
  );
  await expect(page.getByRole('columnheader', { name: 'Errors on 0–4' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Errors on 5–9' })).toBeVisible();
  // A product of specialists has no average to choose.
  await expect(page.getByRole('combobox', { name: 'Ensemble average' })).toHaveCount(0);

  // One step: the first specialist is evaluated as it starts to train.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expectPhase(page, 'teachers', 120_000);
  await expect(page.getByTestId('group-errors-low-0')).toHaveText(/^\d+$/, { timeout: 60_000 });
  // Stopping the teachers here evaluates both, and their product.
  await page.getByRole('button', { name: /Stop teacher/ }).click();
  for (const id of ['low', 'high', 'specialists']) {
    for (const group of [0, 1]) {
      await expect(page.getByTestId(`group-errors-${id}-${group}`)).toHaveText(/^\d+$/, {
        timeout: 60_000,
      });
    }
  }
  await page.getByRole('button', { name: '❚❚ Pause' }).click();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('result-specialists').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${DIR}/specialists-390.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test('The born-again preset shows two generations', async ({ page }) => {
  await openReadyWith(page, 'preset=born-again', 'teacher');
  await expect(rosterItem(page, 'gen1')).toContainText('generation 1');
  await expect(rosterItem(page, 'gen2')).toContainText('generation 2');
  await expect(rosterItem(page, 'gen1-teacher')).toContainText('generation 1 as teacher');
  await expect(rosterItem(page, 'gen1-teacher')).toContainText('from generation 1');
  await expect(page.getByTestId('result-gen1')).toContainText('generation 1');
  await expect(page.getByTestId('result-gen2')).toContainText('generation 2');
});

test('The teacher-quality presets set two teachers side by side; a train-mode teacher scores like the good one', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page);
  await openReadyWith(page, 'preset=teacher-dropout', 'teacher');
  const group = page.getByRole('group', { name: 'Teacher quality' });
  await expect(
    group.getByRole('button', { name: 'Teacher left in training mode' }),
  ).toHaveAttribute('aria-pressed', 'true');
  await expect(rosterItem(page, 'teacher-train-mode')).toContainText('teacher (dropout on)');
  for (const id of ['from-good', 'from-bad', 'control'])
    await expect(page.getByTestId(`result-${id}`)).toBeVisible();
  // Both are measured in inference mode: the same 70 errors. The bug hides from the table.
  await expect(page.getByTestId('errors-teacher')).toHaveText('70', { timeout: 60_000 });
  await expect(page.getByTestId('errors-teacher-train-mode')).toHaveText('70');

  // The under-trained teacher: one click away, its errors plain to see.
  await group.getByRole('button', { name: 'Under-trained teacher' }).click();
  await expect(rosterItem(page, 'teacher-early')).toContainText('teacher (after 1 epoch)');
  await expect(page.getByTestId('errors-teacher-early')).toHaveText('377', { timeout: 60_000 });
  expect(urlParam(page, 'preset')).toBe('teacher-early');
  expect(errors).toEqual([]);
});
