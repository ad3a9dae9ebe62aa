import { expect, test, type Page } from '@playwright/test';
import {
  chartPoints,
  collectConsoleErrors,
  expectPhase,
  openReady,
  readAccuracy,
  readRate,
  readStep,
  recordPhases,
  status,
} from './helpers';

/** Poll every second: reading the DOM is cheap, but the worker is busy and the CPU is small. */
const EVERY_SECOND = { intervals: [1_000] };

/** recharts lines that were actually drawn (a path with a "d") inside a chart. */
async function drawnLines(page: Page, chart: 'accuracy' | 'loss'): Promise<number> {
  return page
    .getByTestId(`${chart}-chart`)
    .locator('path.recharts-line-curve')
    .evaluateAll((paths) => paths.filter((p) => (p.getAttribute('d') ?? '').length > 0).length);
}

test('Training runs end to end: the teacher learns, is stopped early, its logits are cached and both students learn.', async ({
  page,
}) => {
  // About 2–3 minutes on 2 CPU cores with WASM; the limit leaves room for a slower machine.
  test.setTimeout(6 * 60_000);
  const errors = collectConsoleErrors(page);
  // teacher=train: the page loads a pretrained teacher by default; this test trains one, as the
  // paper's recipe does, and stops it early. The student is the default 800-800. evalEvery=50
  // (default 100) halves the wait between test-set evaluations, so the accuracies this test
  // waits for show up sooner; an evaluation (10,000 digits) costs a few seconds, far less than
  // 50 more steps.
  await openReady(page, 'teacher=train&evalEvery=50');
  const phases = await recordPhases(page);

  // 1. The teacher trains.
  await page.getByRole('button', { name: '▶ Train' }).click();
  await expectPhase(page, 'teachers');
  await expect(page.getByRole('button', { name: '❚❚ Pause' })).toBeVisible();
  await expect(status(page)).toContainText('training the teacher');
  await expect.poll(() => readRate(page, 'teacher'), { timeout: 60_000 }).toBeGreaterThan(0);
  const teacherStarted = Date.now();

  // Until the teacher passes 93% on the test set, or has trained for 30 s, whichever comes first.
  await expect
    .poll(
      async () => {
        const accuracy = await readAccuracy(page, 'teacher');
        return (accuracy ?? 0) >= 93 || Date.now() - teacherStarted >= 30_000;
      },
      { timeout: 120_000, ...EVERY_SECOND },
    )
    .toBe(true);
  // Whichever it was, the teacher has learned something (a fresh network scores about 10%).
  await expect.poll(() => readAccuracy(page, 'teacher'), EVERY_SECOND).toBeGreaterThan(50);
  expect(await readStep(page)).toBeGreaterThan(0);

  // 2. Stop it early: caching the teacher's logits, then distillation.
  await page.getByRole('button', { name: 'Stop teacher & distill →' }).click();
  await expectPhase(page, /^(caching|learners)$/, 30_000);
  await expect(page.getByRole('button', { name: 'Stop teacher & distill →' })).toHaveCount(0);
  await expectPhase(page, 'learners', 180_000);
  await expect(status(page)).toContainText('both students training');

  // The teacher is evaluated once more when it stops and then no longer changes.
  const teacherAccuracy = await readAccuracy(page, 'teacher');
  expect(teacherAccuracy).not.toBeNull();
  expect(teacherAccuracy!).toBeGreaterThan(50);

  // 3. Both students train.
  await expect
    .poll(() => readRate(page, 'distilled'), { timeout: 60_000, ...EVERY_SECOND })
    .toBeGreaterThan(0);
  await expect
    .poll(() => readRate(page, 'control'), { timeout: 60_000, ...EVERY_SECOND })
    .toBeGreaterThan(0);

  // 4. The distilled student passes 90% on the test set.
  await expect
    .poll(() => readAccuracy(page, 'distilled'), { timeout: 240_000, ...EVERY_SECOND })
    .toBeGreaterThanOrEqual(90);
  await expect(page.getByTestId('accuracy-distilled')).toHaveText(/^\d+\.\d\d%$/);

  // The control student was evaluated alongside and has a curve.
  await expect(page.getByTestId('accuracy-control')).toHaveText(/^\d+\.\d\d%$/);
  expect(await readAccuracy(page, 'control')).toBeGreaterThan(50);
  expect(await chartPoints(page, 'accuracy')).toBeGreaterThanOrEqual(2);
  expect(await chartPoints(page, 'loss')).toBeGreaterThanOrEqual(2);
  // Teacher, distilled and control accuracy lines; at least one loss line.
  expect(await drawnLines(page, 'accuracy')).toBeGreaterThanOrEqual(3);
  expect(await drawnLines(page, 'loss')).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId('accuracy-teacher')).toHaveText(`${teacherAccuracy!.toFixed(2)}%`);

  // The phases went ready → teachers → caching → learners, in that order, nothing else between.
  expect(await phases()).toEqual(['ready', 'teachers', 'caching', 'learners']);

  // 5. Pause: the button turns back into Resume and the status says paused.
  await page.getByRole('button', { name: '❚❚ Pause' }).click();
  await expect(page.getByRole('button', { name: '▶ Resume' })).toBeVisible();
  await expect(status(page)).toContainText('(paused)');

  await expect(page.getByTestId('error')).toHaveCount(0);
  await expect(page.getByTestId('paused-reason')).toHaveCount(0);
  expect(errors).toEqual([]);
  console.log(
    `teacher ${teacherAccuracy}% · distilled ${await readAccuracy(page, 'distilled')}% · control ${await readAccuracy(page, 'control')}% at student step ${await readStep(page)}`,
  );
});

test('Once the students train, the loss formula shows their current loss terms, typeset without errors.', async ({
  page,
}) => {
  test.setTimeout(3 * 60_000);
  const errors = collectConsoleErrors(page);
  // The pretrained teacher (the default) and a small student: straight to distillation.
  await openReady(page, 'student=30-30');
  const formula = page.getByTestId('loss-formula');
  await expect(formula.locator('.katex-error')).toHaveCount(0);

  await page.getByRole('button', { name: '▶ Train' }).click();
  await expectPhase(page, 'learners', 150_000);
  await expect.poll(() => chartPoints(page, 'loss'), { timeout: 60_000 }).toBeGreaterThan(0);
  await page.getByRole('button', { name: '❚❚ Pause' }).click();
  await expect(page.getByRole('button', { name: '▶ Resume' })).toBeVisible();

  // KaTeX renders a parse error as red source text in a .katex-error span instead of throwing.
  await expect(formula.locator('.katex-error')).toHaveCount(0);
  const current = formula.locator('.formula-current .katex-html');
  await expect(current).toBeVisible();
  const text = (await current.innerText()).replace(/\s+/g, '');
  expect(text).toContain('0.10CE+0.90⋅8.00');
  // Under it, "≈ hard + soft = total", three decimals each, and the sum adds up.
  const values = (await formula.getByTestId('loss-values').innerText()).replace(/\s+/g, '');
  const match = /≈(\d+\.\d{3})\+(\d+\.\d{3})=(\d+\.\d{3})/.exec(values);
  expect(match, `loss values in "${values}"`).not.toBeNull();
  const [hard, soft, total] = match!.slice(1).map(Number);
  expect(Math.abs(hard + soft - total)).toBeLessThanOrEqual(0.0015);
  expect(errors).toEqual([]);
});
