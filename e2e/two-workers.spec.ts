import { expect, test, type Page } from '@playwright/test';
import { collectConsoleErrors, expectPhase, openReady, readRate, status } from './helpers';

/**
 * A short run (1,200 transfer digits, one epoch: 9 steps) to its end; each learner's errors. No
 * evaluation between the first and the last: the partner's weights must come back for the last.
 */
async function finishedRun(page: Page, workers: '1' | '2') {
  await openReady(page, `workers=${workers}&backend=wasm&fraction=0.02&epochs=1&evalEvery=5000`);
  await page.getByRole('button', { name: '▶ Train' }).click();
  await expectPhase(page, 'done', 120_000);
  const errors = (id: string) => page.getByTestId(`result-${id}`).getAttribute('data-errors');
  return { distilled: await errors('distilled'), control: await errors('control') };
}

test('Two training workers: the learners split between them reach exactly the results of one worker.', async ({
  page,
}) => {
  test.setTimeout(4 * 60_000);
  const consoleErrors = collectConsoleErrors(page);

  const one = await finishedRun(page, '1');
  await expect(page.getByTestId('workers')).toHaveCount(0);
  expect(Number(one.distilled)).toBeGreaterThan(0);

  // Asked for in the link: the control student trains in a second worker, on the same batches.
  const two = await finishedRun(page, '2');
  await expect(page.getByTestId('workers')).toContainText('2 workers');
  await expect(status(page)).toContainText('done');
  // Its samples/s come from the second worker's steps.
  expect(await readRate(page, 'control')).toBeGreaterThan(0);
  expect(two).toEqual(one);
  expect(consoleErrors).toEqual([]);
});
