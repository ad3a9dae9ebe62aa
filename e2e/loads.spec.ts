import { expect, test } from '@playwright/test';
import {
  clickStep,
  collectConsoleErrors,
  expectPhase,
  firstStep,
  openReady,
  readStep,
  READY_TIMEOUT_MS,
  status,
} from './helpers';

const BACKENDS = /^backend\s+(webgpu|webgl|wasm|cpu)$/;

test('The page loads without console errors, starts a Web Worker and becomes ready with a backend and the reason for it.', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page);
  await page.goto('./');

  await expect(page).toHaveTitle(/KD Playground/);
  await expect(page.getByRole('heading', { level: 1, name: 'KD Playground' })).toBeVisible();
  await expectPhase(page, 'ready', READY_TIMEOUT_MS);
  await expect(status(page)).toContainText('ready');

  // The training runs in a dedicated worker, not on the page's thread.
  expect(page.workers().length).toBeGreaterThanOrEqual(1);

  const backend = page.getByTestId('backend');
  await expect(backend).toHaveText(BACKENDS);
  const name = BACKENDS.exec((await backend.innerText()).trim())![1];
  // The reason is a sentence about the chosen backend, e.g. "wasm: WebAssembly on the CPU (…)".
  const reason = (await backend.getAttribute('title')) ?? '';
  expect(reason).toContain(name);
  expect(reason.length).toBeGreaterThan(name.length + 5);

  // Nothing was requested, so nothing fell back and nothing failed.
  await expect(page.getByTestId('backend-fallback')).toHaveCount(0);
  await expect(page.getByTestId('error')).toHaveCount(0);
  await expect(page.getByTestId('url-notices')).toHaveCount(0);

  // Ready to train: the controls a person needs are there and enabled.
  await expect(page.getByRole('button', { name: '▶ Train' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Step' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Reset' })).toBeEnabled();
  await expect(page.getByTestId('digit-card')).toHaveCount(4);
  // Nothing has trained yet. (The pretrained teacher, the default, is evaluated on load, so
  // only the students' accuracies are sure to be blank.)
  for (const model of ['teacher', 'distilled', 'control']) {
    await expect(page.getByTestId(`rate-${model}`)).toHaveText('–');
  }
  for (const model of ['distilled', 'control']) {
    await expect(page.getByTestId(`accuracy-${model}`)).toHaveText('–');
  }

  expect(errors).toEqual([]);
});

test('Asking for WebGPU where it cannot start falls back visibly to a backend that works.', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page);
  await page.goto('./');
  const hasAdapter = await page.evaluate(async () => {
    const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
    return !!(gpu && (await gpu.requestAdapter()));
  });
  test.skip(
    hasAdapter,
    'this browser has a WebGPU adapter, so ?backend=webgpu would not fall back',
  );

  // teacher=train: the cheapest way to a first training step (no caching of teacher logits).
  await openReady(page, 'backend=webgpu&teacher=train');
  const notice = page.getByTestId('backend-fallback');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Backend fallback');
  await expect(notice).toContainText('webgpu was requested');

  const backend = page.getByTestId('backend');
  await expect(backend).toHaveText(BACKENDS);
  await expect(backend).not.toHaveText(/webgpu/);
  const name = BACKENDS.exec((await backend.innerText()).trim())![1];
  await expect(notice).toContainText(`using ${name}`);
  await expect(page.getByTestId('error')).toHaveCount(0);
  // The request stays in the link: the fallback is explained, not silently rewritten.
  expect(new URL(page.url()).searchParams.get('backend')).toBe('webgpu');

  // The fallback backend really trains: the step count goes up with each Step click.
  await firstStep(page);
  const step = await clickStep(page);
  await clickStep(page);
  expect(await readStep(page)).toBe(step + 1);
  await expect(page.getByTestId('rate-teacher')).toHaveText(/^[\d,]+$/);

  expect(errors).toEqual([]);
});
