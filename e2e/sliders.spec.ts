import { expect, test, type Page } from '@playwright/test';
import {
  clickStep,
  collectConsoleErrors,
  dragSlider,
  firstStep,
  openReady,
  readBarProbabilities,
  readStep,
  status,
  urlParam,
} from './helpers';

const T_SLIDER = /Temperature/;
const ALPHA_SLIDER = /α/;

const sum = (ps: number[]) => ps.reduce((s, p) => s + p, 0);
const maxDiff = (a: number[], b: number[]) => Math.max(...a.map((p, i) => Math.abs(p - b[i])));

/** The T shown beside the slider and in the soft-target heading, which must agree. */
async function shownTemperature(page: Page): Promise<string> {
  const heading = page.getByRole('heading', { name: /Soft targets at/ });
  const match = /T\s*=\s*([\d.]+)/.exec(await heading.innerText());
  expect(match, 'the soft-target heading shows T').not.toBeNull();
  await expect(page.locator('output[for="slider-T"]')).toHaveText(match![1]);
  return match![1];
}

async function readBoth(page: Page) {
  const teacher = await readBarProbabilities(page, 'teacher');
  const distilled = await readBarProbabilities(page, 'distilled');
  // Each model's softmax sums to 1; the bars show 3 significant digits, so allow 1e-2.
  expect(Math.abs(sum(teacher) - 1)).toBeLessThan(1e-2);
  expect(Math.abs(sum(distilled) - 1)).toBeLessThan(1e-2);
  return { teacher, distilled };
}

/**
 * Drags T to its low end, then its high end, and checks what a person sees: the shown T, the
 * bars' probabilities (which must change and stay distributions, sharper at low T and flatter
 * at high T) and the link.
 */
async function dragTemperatureAndCheck(page: Page) {
  expect(await shownTemperature(page)).toBe('8.00');
  const atDefault = await readBoth(page);

  const low = await dragSlider(page, T_SLIDER, 0);
  expect(low).toBe(0);
  await expect.poll(() => shownTemperature(page)).toBe('1.00');
  await expect.poll(() => urlParam(page, 'T')).toBe('1');
  await expect
    .poll(async () => maxDiff(await readBarProbabilities(page, 'teacher'), atDefault.teacher))
    .toBeGreaterThan(1e-3);
  const atLow = await readBoth(page);

  const high = await dragSlider(page, T_SLIDER, 1);
  expect(high).toBeGreaterThan(low);
  await expect.poll(() => shownTemperature(page)).toBe('50.0');
  await expect.poll(() => urlParam(page, 'T')).toBe('50');
  await expect
    .poll(async () => maxDiff(await readBarProbabilities(page, 'teacher'), atLow.teacher))
    .toBeGreaterThan(1e-3);
  const atHigh = await readBoth(page);

  // softmax(z/T): the largest probability can only fall as T rises (1 → 8 → 50), and at T = 50
  // every class is close to 1/10.
  for (const model of ['teacher', 'distilled'] as const) {
    const top = (ps: number[]) => Math.max(...ps);
    expect(top(atLow[model])).toBeGreaterThan(top(atDefault[model]));
    expect(top(atDefault[model])).toBeGreaterThanOrEqual(top(atHigh[model]));
    expect(maxDiff(atHigh[model], new Array<number>(10).fill(0.1))).toBeLessThan(
      maxDiff(atLow[model], new Array<number>(10).fill(0.1)),
    );
  }
}

test('Dragging the temperature before training starts redraws the soft targets and writes T into the link.', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page);
  await openReady(page);
  await dragTemperatureAndCheck(page);
  // Dragging T does not start training.
  await expect(status(page)).toHaveAttribute('data-phase', 'ready');
  expect(errors).toEqual([]);
});

test('Dragging the temperature while training is paused redraws the soft targets without training.', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const errors = collectConsoleErrors(page);
  // teacher=train: a fresh teacher, whose logits the steps below visibly change.
  await openReady(page, 'teacher=train');

  // A few steps by hand, so the teacher's logits are no longer those of a fresh network.
  await firstStep(page);
  for (let i = 0; i < 3; i++) await clickStep(page);

  // Then train for a while and pause, as a person would.
  await page.getByRole('button', { name: '▶ Resume' }).click();
  const pause = page.getByRole('button', { name: '❚❚ Pause' });
  await expect(pause).toBeVisible();
  await expect.poll(() => readStep(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(15);
  await pause.click();
  await expect(page.getByRole('button', { name: '▶ Resume' })).toBeVisible();
  await expect(status(page)).toContainText('(paused)');
  const pausedAt = await readStep(page);

  await dragTemperatureAndCheck(page);

  // Still paused, still the same step: the drag only re-computed softmax on the page.
  await expect(page.getByRole('button', { name: '▶ Resume' })).toBeVisible();
  expect(await readStep(page)).toBe(pausedAt);
  expect(errors).toEqual([]);
});

/** The current formula line as its visible text, without whitespace. */
async function formulaLine(page: Page): Promise<string> {
  const text = await page
    .getByTestId('loss-formula')
    .locator('.formula-current .katex-html')
    .innerText();
  return text.replace(/\s+/g, '');
}

test('Dragging α updates the loss formula and the link.', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await openReady(page);
  const formula = page.getByTestId('loss-formula');
  const alphaOut = page.locator('output[for="slider-alpha"]');
  await expect(alphaOut).toHaveText('0.10');
  // Default T = 8, α = 0.1: L = 0.10 CE + 0.90 · 8.00² KL_T = 0.10 CE + 57.6 KL_T.
  expect(await formulaLine(page)).toContain('0.10CE+0.90⋅8.00');
  expect(await formulaLine(page)).toContain('57.6KL');

  const value = await dragSlider(page, ALPHA_SLIDER, 0.75);
  expect(value).toBeGreaterThan(0.7);
  expect(value).toBeLessThan(0.8);
  const a = value.toFixed(2);
  const rest = (1 - value).toFixed(2);
  const softWeight = ((1 - value) * 64).toFixed(1);
  await expect(alphaOut).toHaveText(a);
  await expect(formula).toHaveAttribute('aria-label', `Loss with alpha ${a} and temperature 8.00`);
  await expect.poll(() => formulaLine(page)).toContain(`${a}CE+${rest}⋅8.00`);
  expect(await formulaLine(page)).toContain(`${softWeight}KL`);
  await expect.poll(() => urlParam(page, 'alpha')).toBe(String(Number(a)));

  // All the way to 0: soft targets only.
  expect(await dragSlider(page, ALPHA_SLIDER, 0)).toBe(0);
  await expect(alphaOut).toHaveText('0.00');
  await expect.poll(() => formulaLine(page)).toContain('0.00CE+1.00⋅8.00');
  expect(await formulaLine(page)).toContain('64.0KL');
  await expect.poll(() => urlParam(page, 'alpha')).toBe('0');

  expect(errors).toEqual([]);
});
