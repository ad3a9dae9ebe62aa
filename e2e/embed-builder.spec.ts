import { expect, test } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { collectConsoleErrors } from './helpers.ts';

const HOST_PORT = 4176;

/**
 * A course author builds an embed from the page alone (Share / embed: a lesson, two panels) and
 * pastes the snippet into a course page on another origin; a learner follows the lesson there.
 */
let host: Server;
let coursePage = '';
test.beforeAll(async () => {
  host = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(coursePage);
  });
  await new Promise<void>((resolve) => host.listen(HOST_PORT, '127.0.0.1', resolve));
});
test.afterAll(() => new Promise<void>((resolve) => host.close(() => resolve())));

test('an author builds a two-panel lesson embed; on another origin a learner follows it and the frame sizes itself', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const errors = collectConsoleErrors(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('./');
  await page.getByRole('button', { name: 'Share / embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share / embed' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Shows').selectOption({ label: 'Lesson: Why temperature' });
  // Two panels: the lesson and the soft targets (the default adds the training controls).
  await dialog.getByRole('checkbox', { name: /Training controls/ }).uncheck();
  await expect(dialog.getByRole('checkbox', { name: 'Lesson' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Soft targets' })).toBeChecked();
  await expect(dialog.getByTestId('embed-height')).toHaveText('748 px');
  const snippet = await dialog.getByTestId('embed-snippet').inputValue();
  expect(snippet).toContain('lesson=temperature');
  await page.screenshot({ path: 'test-results/screenshots/share-dialog-1280.png' });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  coursePage = `<!doctype html><html lang="en"><title>Course: distillation</title><body style="font-family:sans-serif;max-width:860px;margin:20px auto"><h1>Week 3: temperature</h1><p>Follow the lesson below.</p>${snippet}<p>End of the lesson.</p></body></html>`;
  await page.goto(`http://127.0.0.1:${HOST_PORT}/week-3.html`);
  const frame = page.frameLocator('#kd-playground');
  await expect(frame.getByTestId('lesson-progress')).toHaveText('Step 1 of 3', {
    timeout: 60_000,
  });
  // Only the two chosen panels: no header, no training controls, no results, no presets.
  await expect(frame.getByRole('heading', { name: 'Soft targets' })).toBeVisible();
  await expect(frame.getByRole('heading', { name: 'KD Playground' })).toHaveCount(0);
  await expect(frame.getByRole('heading', { name: 'Distillation' })).toHaveCount(0);
  await expect(frame.getByRole('heading', { name: 'Test results' })).toHaveCount(0);
  await expect(frame.getByRole('heading', { name: 'Experiments' })).toHaveCount(0);
  const claim = frame.getByTestId('lesson-claim');
  await expect(claim).toHaveAttribute('data-state', 'holds', { timeout: 90_000 });

  // The frame follows the height the page reports: no scroll bar inside it.
  const iframe = page.locator('#kd-playground');
  await expect
    .poll(async () => {
      const frameHeight = (await iframe.boundingBox())?.height ?? 0;
      const content = await frame.locator('html').evaluate((el) => el.scrollHeight);
      return Math.abs(frameHeight - content);
    })
    .toBeLessThanOrEqual(2);

  // The learner follows step 2: the lesson's own T slider (the controls are hidden).
  await frame.getByRole('button', { name: 'Next' }).click();
  await expect(frame.getByTestId('lesson-progress')).toHaveText('Step 2 of 3');
  const slider = frame.getByRole('slider', { name: /Lesson’s T slider/ });
  await slider.focus();
  for (let i = 0; i < 12; i++) await slider.press('PageUp');
  await expect(claim).toHaveAttribute('data-state', 'holds');
  // A viewport screenshot: a full-page one leaves a cross-origin frame blank in headless Chromium.
  await page.setViewportSize({ width: 1280, height: 1200 });
  await page.screenshot({ path: 'test-results/screenshots/embedded-lesson-1280.png' });
  expect(errors).toEqual([]);
});
