import { expect, test, type Page } from '@playwright/test';
import {
  collectConsoleErrors,
  dragSlider,
  expectPhase,
  READY_TIMEOUT_MS,
  urlParam,
} from './helpers.ts';

/**
 * Every lesson, walked through to its end as a learner would: read, do the task, press Next.
 * Each claim must come to hold on the real run the page trains (short runs: the lessons' own
 * settings, a smaller student where the link says so).
 */
test.describe.configure({ mode: 'serial' });

const claim = (page: Page) => page.getByTestId('lesson-claim');
const TRAIN_TIMEOUT_MS = 180_000;

/** Waits for the step's claim to hold; on failure the message shows what the page measured. */
async function expectClaimHolds(page: Page, timeout = 30_000) {
  try {
    await expect(claim(page)).toHaveAttribute('data-state', 'holds', { timeout });
  } catch (e) {
    const said = await claim(page)
      .innerText()
      .catch(() => '(no claim)');
    throw new Error(`The claim does not hold. The page says: ${said}\n${String(e)}`);
  }
}

async function next(page: Page, step: number, of: number) {
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('lesson-progress')).toHaveText(`Step ${step} of ${of}`);
  // The link follows after a short pause (useUrlSettings.ts).
  await expect.poll(() => urlParam(page, 'step') ?? '1').toBe(String(step));
}

/** Trains the run to its end: a claim about a trained student is judged on the finished run. */
async function trainToEnd(page: Page) {
  await expectPhase(page, 'ready', READY_TIMEOUT_MS);
  await page.getByRole('button', { name: /Train/ }).first().click();
  await expectPhase(page, 'done', TRAIN_TIMEOUT_MS);
}

async function finish(page: Page) {
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect(page.getByRole('heading', { name: /Take a short lesson/ })).toBeVisible();
  await expect(page).not.toHaveURL(/lesson=/);
}

test('Why temperature: the teacher is sure at T = 1, shows dark knowledge at T ≥ 8, and the map fills', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page);
  await page.goto('./');
  // A learner who opens the page cold picks a lesson from the list.
  await page.getByRole('button', { name: 'Why temperature' }).click();
  await expect(page).toHaveURL(/lesson=temperature/);
  await expect(page.getByTestId('lesson-progress')).toHaveText('Step 1 of 3');
  await expectClaimHolds(page, READY_TIMEOUT_MS);
  await next(page, 2, 3);
  await expect(claim(page)).toHaveAttribute('data-state', 'not-yet');
  await dragSlider(page, /Lesson’s T slider/, 0.6);
  await expectClaimHolds(page);
  await next(page, 3, 3);
  await expect(page.getByRole('tab', { name: 'Dark knowledge' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expectClaimHolds(page, 60_000);
  await finish(page);
  expect(errors).toEqual([]);
});

test('Soft targets beat hard labels: on 1,800 digits the distilled twin makes fewer errors', async ({
  page,
}) => {
  test.setTimeout(TRAIN_TIMEOUT_MS + 60_000);
  const errors = collectConsoleErrors(page);
  await page.goto('./?lesson=soft-vs-hard');
  await trainToEnd(page);
  await expectClaimHolds(page);
  await next(page, 2, 2);
  await finish(page);
  expect(errors).toEqual([]);
});

test('The missing 3: a student that never saw a 3 recognises 3s, and the bias fix helps', async ({
  page,
}) => {
  test.setTimeout(TRAIN_TIMEOUT_MS + 60_000);
  const errors = collectConsoleErrors(page);
  await page.goto('./?lesson=missing-3');
  await trainToEnd(page);
  await expectClaimHolds(page);
  await next(page, 2, 2);
  await expect(page.getByTestId('bias-value')).toHaveText('+3.5');
  await expectClaimHolds(page);
  // Every other digit was trained on; not one 3.
  const counts = (await page.getByTestId('seen-counts').getAttribute('data-counts'))!
    .split(',')
    .map(Number);
  expect(counts[3]).toBe(0);
  for (const d of [0, 1, 2, 4, 5, 6, 7, 8, 9]) expect(counts[d]).toBeGreaterThan(100);
  // The learner tries a larger shift: the errors on 3s change at once, and the link keeps it.
  const omitted = page.getByTestId('omitted-errors-distilled');
  const before = Number((await omitted.innerText()).split('/')[0]);
  await dragSlider(page, /Bias shift/, 1);
  await expect(page.getByTestId('bias-value')).toHaveText('+10.0');
  await expect.poll(async () => Number((await omitted.innerText()).split('/')[0])).not.toBe(before);
  await expect(page).toHaveURL(/bias=10/);
  await finish(page);
  expect(errors).toEqual([]);
});

test('Small students want a lower T: the 30-30 twin at T = 2 beats the one at T = 20', async ({
  page,
}) => {
  test.setTimeout(TRAIN_TIMEOUT_MS + 60_000);
  const errors = collectConsoleErrors(page);
  await page.goto('./?lesson=small-student&fraction=0.3');
  await trainToEnd(page);
  await expectClaimHolds(page);
  await next(page, 2, 2);
  await expect(page.getByRole('tab', { name: /sweep/ })).toHaveAttribute('aria-selected', 'true');
  await finish(page);
  expect(errors).toEqual([]);
});

test('Logit matching is the high-T limit: the two gradients meet as T rises', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto('./?lesson=logit-matching');
  await expectClaimHolds(page, READY_TIMEOUT_MS);
  await next(page, 2, 2);
  await expect(claim(page)).toHaveAttribute('data-state', 'not-yet');
  await dragSlider(page, /Lesson’s T slider/, 1);
  await expectClaimHolds(page);
  await finish(page);
  expect(errors).toEqual([]);
});

test('Many teachers into one: the ensemble beats its weaker members, and its student beats the twin', async ({
  page,
}) => {
  test.setTimeout(TRAIN_TIMEOUT_MS + 60_000);
  const errors = collectConsoleErrors(page);
  // A fifth of the transfer set keeps the run short (less data favours distillation further).
  await page.goto('./?lesson=ensemble&fraction=0.2');
  await expectPhase(page, 'ready', READY_TIMEOUT_MS);
  await expectClaimHolds(page, 60_000);
  await next(page, 2, 2);
  await trainToEnd(page);
  await expectClaimHolds(page);
  await finish(page);
  expect(errors).toEqual([]);
});
