import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
  chartPoints,
  clickStep,
  expectPhase,
  firstCardBars,
  firstStep,
  openReady,
} from './helpers.ts';

/** The page's training worker, as Playwright sees it. */
function trainingWorker(page: Page) {
  const worker = page.workers().find((w) => w.url().includes('training.worker'));
  if (!worker) throw new Error(`no training worker among ${page.workers().map((w) => w.url())}`);
  return worker;
}

/** Trains until there are curves and results to keep (it may still be training, or done). */
async function trainSome(page: Page) {
  await firstStep(page);
  await page.getByRole('button', { name: /^▶ (Resume|Train)$/ }).click();
  await expect.poll(() => chartPoints(page, 'loss'), { timeout: 30_000 }).toBeGreaterThan(3);
}

async function expectKeptAndRestart(page: Page, message: RegExp) {
  const lost = page.getByTestId('worker-lost');
  await expect(lost).toContainText(message, { timeout: 45_000 });
  // The status line stops claiming a phase and rates that are no longer current.
  await expect(page.getByTestId('status')).toContainText('stopped: the training worker is gone');
  await expect(page.getByTestId('status')).not.toContainText('samples/s');
  // What was on screen stays: curves, the results table, the settings in the link.
  expect(await chartPoints(page, 'loss')).toBeGreaterThan(3);
  await expect(page.getByTestId('result-distilled')).toBeVisible();
  expect(new URL(page.url()).searchParams.get('student')).toBe('30-30');
  // Nothing pretends to work: the training controls are off until the page starts again.
  await expect(page.getByRole('button', { name: /^▶ (Resume|Train)$/ })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Step', exact: true })).toBeDisabled();
  await lost.getByRole('button', { name: 'Start again' }).click();
  await expect(lost).toHaveCount(0);
  await expectPhase(page, 'ready', 60_000);
  expect(await clickStep(page)).toBeGreaterThanOrEqual(1);
}

test('a training worker that closes mid-run is noticed; the page keeps what it shows and starts again', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openReady(page, 'student=30-30&fraction=0.1&epochs=30');
  await trainSome(page);
  await trainingWorker(page).evaluate(() => self.close());
  await expectKeptAndRestart(page, /stopped answering/);
});

test('an uncaught error inside the training worker stops it with a message, not a half-working page', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openReady(page, 'student=30-30&fraction=0.1&epochs=30');
  await trainSome(page);
  await trainingWorker(page).evaluate(() => {
    setTimeout(() => {
      throw new Error('injected fault');
    }, 0);
  });
  await expectKeptAndRestart(page, /crashed: .*injected fault/);
});

test('a corrupt teacher file (random bytes of the right length) is refused by name, and the page trains its own teacher', async ({
  page,
}) => {
  let state = 11;
  const noise = Buffer.from(
    Uint8Array.from(
      { length: 2_395_210 },
      () => (state = (state * 1103515245 + 12345) % 2 ** 31) & 255,
    ),
  );
  await page.route('**/models/teacher.bin', (route) => route.fulfill({ body: noise }));
  await page.goto('./?student=30-30&fraction=0.1&teacherEpochs=1');
  const notice = page.getByTestId('engine-notice');
  await expect(notice).toContainText('models/teacher.bin', { timeout: 30_000 });
  await expect(notice).toContainText('SHA-256 does not match');
  await expect(notice).toContainText('Training a teacher instead');
  await expectPhase(page, 'ready', 60_000);
  // The run's teacher is one trained here, not the corrupt file.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expectPhase(page, 'teachers', 60_000);
});

test('a data file that is missing, truncated, of another format or an SPA fallback page is named, with what is wrong and the command that rebuilds it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const file = 'mnist-test-labels.idx1.gz';
  const real = readFileSync(`public/data/${file}`);
  const cases: { body: Buffer | string; status?: number; type?: string; says: RegExp }[] = [
    { body: 'not found', status: 404, says: /HTTP 404/ },
    // Half the gzip stream: the decompressor fails before the end.
    { body: real.subarray(0, real.length >> 1), says: /gzip data is corrupt/ },
    // Bytes that are not gzip and not IDX: the magic number is wrong.
    { body: Buffer.from([0, 0, 9, 9, 0, 0, 0, 1, 7]), says: /magic|not an IDX/i },
    {
      body: '<!doctype html><html><body>app</body></html>',
      type: 'text/html',
      says: /web page .*probably missing/,
    },
  ];
  for (const c of cases) {
    await page.unrouteAll();
    await page.route(`**/data/${file}`, (route) =>
      route.fulfill({ status: c.status ?? 200, body: c.body, contentType: c.type }),
    );
    await page.goto('./');
    const error = page.getByTestId('error');
    await expect(error).toContainText(file, { timeout: 30_000 });
    await expect(error).toContainText(c.says);
    await expect(error).toContainText('npm run prepare-data');
  }
});

test('on the Chinese page (?lang=zh) a missing data file is named in Chinese, with the command that rebuilds it', async ({
  page,
}) => {
  const file = 'mnist-test-labels.idx1.gz';
  // A host's SPA fallback: a web page where the data file should be (the worker says so).
  await page.route(`**/data/${file}`, (route) =>
    route.fulfill({
      body: '<!doctype html><html><body>app</body></html>',
      contentType: 'text/html',
    }),
  );
  await page.goto('./?lang=zh');
  await expect(page.getByTestId('error')).toHaveText(
    `无法继续： 无法加载 MNIST 文件 ${file}：服务器返回的是网页（HTML）而不是数据文件；该文件很可能不存在。请用 \`npm run prepare-data\` 重新生成数据。`,
    { timeout: 30_000 },
  );
});

test('two Apply & restart while the data loads (seed, then teacher): the run is the last one asked for', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('./?student=30-30&fraction=0.1&teacherEpochs=1');
  // At once, before the data has loaded.
  await page.getByLabel('Random seed').fill('2');
  await page.getByRole('button', { name: 'Apply & restart' }).click();
  await page.getByRole('combobox', { name: 'Teacher', exact: true }).selectOption('train');
  await page.getByRole('button', { name: 'Apply & restart' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('teacher')).toBe('train');
  expect(new URL(page.url()).searchParams.get('seed')).toBe('2');
  await expectPhase(page, 'ready', 60_000);
  // The link and the run agree: the teacher is trained here, and training starts with it.
  await expect(page.getByTestId('roster').locator('li[data-member="teacher"]')).toContainText(
    'trained here',
  );
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expectPhase(page, 'teachers', 60_000);
});

test('when the WASM backend fails to start (its files cannot load), the page falls back visibly and still runs', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('./?student=30-30&fraction=0.02');
  const fallback = page.getByTestId('backend-fallback');
  await expect(fallback).toContainText('wasm: failed to start', { timeout: 60_000 });
  await expect(page.getByTestId('status')).toContainText('backend cpu');
  await expectPhase(page, 'ready', 60_000);
  // The models run on the cpu backend: the teacher's soft targets are drawn. (A training step
  // on it takes ~30 s here, most of it the teacher's test evaluation; CI time keeps it out.)
  await expect(firstCardBars(page, 'teacher')).toHaveCount(10, { timeout: 60_000 });
});
