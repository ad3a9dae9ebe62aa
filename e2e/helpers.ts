import { expect, type Locator, type Page } from '@playwright/test';

export type Phase = 'starting' | 'loading' | 'ready' | 'teachers' | 'caching' | 'learners' | 'done';
export type BarModel = 'teacher' | 'distilled';

/** Seconds of patience for the page to start its worker, pick a backend and load MNIST. */
export const READY_TIMEOUT_MS = 90_000;

/**
 * Chromium's default range thumb is 16 px wide; its centre travels from 8 px to width − 8 px.
 * Half a thumb off only matters to where the mouse presses, not to what the tests assert.
 */
const THUMB_WIDTH = 16;

/**
 * Collects what a person would see in the devtools console as errors: `console.error` from the
 * page or its workers (Playwright reports workers' console on the page) and uncaught exceptions.
 * The array fills as the page runs; assert on it at the end of a test.
 */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location();
      errors.push(`console.error: ${message.text()}${where.url ? ` (${where.url})` : ''}`);
    }
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

export const status = (page: Page): Locator => page.getByTestId('status');

/** Waits until the status line says the given phase (data-phase attribute). */
export async function expectPhase(page: Page, phase: Phase | RegExp, timeout = 30_000) {
  await expect(status(page)).toHaveAttribute('data-phase', phase, { timeout });
}

/** Opens the page (with an optional query string) and waits for data and models to be ready. */
export async function openReady(page: Page, query = ''): Promise<void> {
  await page.goto(query ? `./?${query.replace(/^\?/, '')}` : './');
  await expectPhase(page, 'ready', READY_TIMEOUT_MS);
  // The soft-target bars exist once the models' first logits arrived.
  await expect(firstCardBars(page, 'teacher')).toHaveCount(10);
}

interface SliderState {
  min: number;
  max: number;
  value: number;
}

async function sliderState(slider: Locator): Promise<SliderState> {
  return slider.evaluate((el) => {
    const input = el as HTMLInputElement;
    const min = input.min === '' ? 0 : Number(input.min);
    const max = input.max === '' ? 100 : Number(input.max);
    return { min, max, value: Number(input.value) };
  });
}

/**
 * Drags a range slider like a person: presses the mouse on the thumb where it is now (from the
 * input's value within min–max), moves in steps to `fraction` (0–1) of the track, releases.
 * Returns the input's value after the drag.
 */
export async function dragSlider(page: Page, name: RegExp, fraction: number): Promise<number> {
  if (!(fraction >= 0 && fraction <= 1)) throw new Error(`fraction ${fraction} is not in 0–1`);
  const slider = page.getByRole('slider', { name });
  await expect(slider).toBeVisible();
  await expect(slider).toBeEnabled();
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  if (!box) throw new Error(`slider ${name} has no bounding box`);
  const { min, max, value } = await sliderState(slider);
  const current = max > min ? (value - min) / (max - min) : 0;
  const xAt = (f: number) => box.x + THUMB_WIDTH / 2 + f * (box.width - THUMB_WIDTH);
  const y = box.y + box.height / 2;

  // To reach an end, a person overshoots past it; the thumb stops at the end.
  const overshoot = fraction === 0 ? -THUMB_WIDTH : fraction === 1 ? THUMB_WIDTH : 0;

  await page.mouse.move(xAt(current), y);
  await page.mouse.down();
  await page.mouse.move(xAt(fraction) + overshoot, y, { steps: 12 });
  await page.mouse.up();
  return (await sliderState(slider)).value;
}

/** The first soft-target card's bars of one model (10 of them once the models exist). */
export function firstCardBars(page: Page, model: BarModel): Locator {
  return page
    .getByTestId('digit-card')
    .first()
    .getByRole('img')
    .and(page.locator(`[data-model="${model}"]`));
}

/**
 * The ten probabilities (class 0–9) of one model in the first soft-target card, read from the
 * bars' title / accessible name text, e.g. "teacher p(3) = 1.23e-4". All ten are read at once,
 * so they come from one render.
 */
export async function readBarProbabilities(page: Page, model: BarModel): Promise<number[]> {
  const bars = firstCardBars(page, model);
  await expect(bars).toHaveCount(10);
  const texts = await bars.evaluateAll((els) =>
    els.map((el) => el.getAttribute('title') ?? el.getAttribute('aria-label') ?? ''),
  );
  const probabilities: number[] = new Array<number>(10).fill(Number.NaN);
  for (const text of texts) {
    const match = /p\((\d)\)\s*=\s*(\S+)\s*$/.exec(text);
    if (!match) throw new Error(`cannot read a probability from bar text "${text}"`);
    probabilities[Number(match[1])] = Number(match[2]);
  }
  if (probabilities.some((p) => !Number.isFinite(p))) {
    throw new Error(`bar texts do not give ten probabilities: ${JSON.stringify(texts)}`);
  }
  return probabilities;
}

/** Text like "97.52%" → 97.52; "–" (not evaluated yet) → null. */
export function parsePercent(text: string | null): number | null {
  const match = /(\d+(?:\.\d+)?)\s*%/.exec(text ?? '');
  return match ? Number(match[1]) : null;
}

/** Test accuracy (percent) of a model from the results table, or null before its evaluation. */
export async function readAccuracy(
  page: Page,
  model: 'teacher' | 'distilled' | 'control',
): Promise<number | null> {
  return parsePercent(await page.getByTestId(`accuracy-${model}`).textContent());
}

/** Samples/s text of a model in the status line ("1,234" → 1234; "–" → null). */
export async function readRate(
  page: Page,
  model: 'teacher' | 'distilled' | 'control',
): Promise<number | null> {
  const text = (await page.getByTestId(`rate-${model}`).textContent()) ?? '';
  const digits = text.replace(/[,\s]/g, '');
  return /^\d+(\.\d+)?$/.test(digits) ? Number(digits) : null;
}

/** Number of data points a chart says it draws (its data-points attribute). */
export async function chartPoints(page: Page, chart: 'accuracy' | 'loss'): Promise<number> {
  return Number(await page.getByTestId(`${chart}-chart`).getAttribute('data-points'));
}

/** The query parameter of the page's current URL. */
export function urlParam(page: Page, key: string): string | null {
  return new URL(page.url()).searchParams.get(key);
}

/** The training step shown in the status line ("epoch 0.02 · step 12" → 12), or null. */
export async function readStep(page: Page): Promise<number | null> {
  const match = /\bstep\s+(\d+)/.exec(await status(page).innerText());
  return match ? Number(match[1]) : null;
}

/**
 * Clicks Step like a person: waits until the button is enabled, clicks, and waits until the
 * step count in the status line went up by one. Returns the new step count.
 */
export async function clickStep(page: Page): Promise<number> {
  const button = page.getByRole('button', { name: 'Step', exact: true });
  await expect(button).toBeEnabled();
  const before = (await readStep(page)) ?? 0;
  await button.click();
  await expect.poll(() => readStep(page), { timeout: 60_000 }).toBe(before + 1);
  return before + 1;
}

/**
 * Records every value the status line's data-phase takes from now on (a MutationObserver in the
 * page, so short phases are not missed between polls). Call the returned function to read them.
 */
export async function recordPhases(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="status"]');
    if (!el) throw new Error('no status line');
    const seen: string[] = [el.getAttribute('data-phase') ?? ''];
    (window as unknown as { __phases: string[] }).__phases = seen;
    new MutationObserver(() => {
      const phase = el.getAttribute('data-phase') ?? '';
      if (seen[seen.length - 1] !== phase) seen.push(phase);
    }).observe(el, { attributes: true, attributeFilter: ['data-phase'] });
  });
  return () => page.evaluate(() => [...(window as unknown as { __phases: string[] }).__phases]);
}

/**
 * The first Step click from phase ready. It does more than one step: with a teacher to train
 * (`?teacher=train`) the fresh teacher is first evaluated on the test set; with the pretrained
 * teacher (the default) its logits are cached on the transfer set and the students evaluated.
 * Waits until that is done: a training phase, a step count in the status line, Step enabled.
 */
export async function firstStep(page: Page): Promise<void> {
  await expectPhase(page, 'ready');
  const step = page.getByRole('button', { name: 'Step', exact: true });
  await step.click();
  await expectPhase(page, /^(teachers|learners)$/, 120_000);
  await expect.poll(() => readStep(page), { timeout: 60_000 }).not.toBeNull();
  await expect(step).toBeEnabled();
  const evaluated =
    (await status(page).getAttribute('data-phase')) === 'teachers' ? 'teacher' : 'distilled';
  await expect(page.getByTestId(`accuracy-${evaluated}`)).toHaveText(/^\d+\.\d\d%$/, {
    timeout: 60_000,
  });
}

/**
 * Like openReady, for a run without the default teacher (a preset with its own roster): waits
 * for ready and for the bars of `model` (a roster id) in the first soft-target card.
 */
export async function openReadyWith(page: Page, query: string, model: string): Promise<void> {
  await page.goto(`./?${query.replace(/^\?/, '')}`);
  await expectPhase(page, 'ready', READY_TIMEOUT_MS);
  const bars = page.getByTestId('digit-card').first().locator(`[data-model="${model}"]`);
  await expect(bars).toHaveCount(10, { timeout: 30_000 });
}
