import { expect, test } from '@playwright/test';
import {
  collectConsoleErrors,
  dragSlider,
  firstStep,
  openReady,
  readBarProbabilities,
  urlParam,
} from './helpers';

test('Bad values in the link are clamped or dropped with a visible notice, and the page still works.', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page);
  await openReady(page, 'T=500&student=999&alpha=abc');

  const notices = page.getByTestId('url-notices');
  await expect(notices).toBeVisible();
  await expect(notices).toContainText('T=500 is above the maximum 50; using 50.');
  await expect(notices.getByRole('listitem').filter({ hasText: 'student=999' })).toHaveCount(1);
  await expect(notices.getByRole('listitem').filter({ hasText: 'alpha=abc' })).toHaveCount(1);

  // The controls show what is used: T clamped to 50, α and the student size at their defaults.
  const tSlider = page.getByRole('slider', { name: /Temperature/ });
  await expect(page.locator('output[for="slider-T"]')).toHaveText('50.0');
  await expect(page.getByRole('heading', { name: /Soft targets at/ })).toContainText('T = 50.0');
  await expect(tSlider).toHaveAttribute('aria-valuetext', 'T = 50.00');
  expect(await tSlider.inputValue()).toBe(await tSlider.getAttribute('max'));
  await expect(page.locator('output[for="slider-alpha"]')).toHaveText('0.10');
  await expect(page.getByLabel('Student size')).toHaveValue('800-800');

  // The link is rewritten to the values in use.
  expect(urlParam(page, 'T')).toBe('50');
  expect(urlParam(page, 'student')).toBeNull();
  expect(urlParam(page, 'alpha')).toBeNull();

  // Still works: the bars are distributions, T can be dragged, training steps.
  const teacher = await readBarProbabilities(page, 'teacher');
  expect(Math.abs(teacher.reduce((s, p) => s + p, 0) - 1)).toBeLessThan(1e-2);
  await dragSlider(page, /Temperature/, 0.5);
  await expect(page.locator('output[for="slider-T"]')).not.toHaveText('50.0');
  await expect.poll(() => Number(urlParam(page, 'T'))).toBeLessThan(50);
  await firstStep(page);
  await expect(page.getByTestId('error')).toHaveCount(0);

  // The notice can be dismissed.
  await notices.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notices).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('A valid link sets the controls: T, α and the student size.', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await openReady(page, 'T=4&alpha=0.5&student=30-30');

  await expect(page.getByTestId('url-notices')).toHaveCount(0);
  await expect(page.locator('output[for="slider-T"]')).toHaveText('4.00');
  await expect(page.getByRole('heading', { name: /Soft targets at/ })).toContainText('T = 4.00');
  await expect(page.getByRole('slider', { name: /Temperature/ })).toHaveAttribute(
    'aria-valuetext',
    'T = 4.00',
  );
  await expect(page.locator('output[for="slider-alpha"]')).toHaveText('0.50');
  expect(await page.getByRole('slider', { name: /α/ }).inputValue()).toBe('0.5');
  await expect(page.getByLabel('Student size')).toHaveValue('30-30');
  await expect(page.getByTestId('loss-formula')).toHaveAttribute(
    'aria-label',
    'Loss with alpha 0.50 and temperature 4.00',
  );

  // The link is kept as given.
  expect(urlParam(page, 'T')).toBe('4');
  expect(urlParam(page, 'alpha')).toBe('0.5');
  expect(urlParam(page, 'student')).toBe('30-30');
  expect(errors).toEqual([]);
});

test('A link copied after dragging the sliders reproduces the same settings.', async ({ page }) => {
  await openReady(page);
  await dragSlider(page, /Temperature/, 0.2);
  await dragSlider(page, /α/, 0.6);
  const t = await page.locator('output[for="slider-T"]').innerText();
  const a = await page.locator('output[for="slider-alpha"]').innerText();
  expect(t).not.toBe('8.00');
  expect(a).not.toBe('0.10');
  // The URL follows a moment after the drag settles.
  await expect.poll(() => urlParam(page, 'T')).not.toBeNull();
  await expect.poll(() => urlParam(page, 'alpha')).not.toBeNull();
  const link = page.url();

  // Open the copied link in a new tab, as a person sharing it would.
  const other = await page.context().newPage();
  const errors = collectConsoleErrors(other);
  await other.goto(link);
  await expect(other.locator('output[for="slider-T"]')).toHaveText(t);
  await expect(other.locator('output[for="slider-alpha"]')).toHaveText(a);
  await expect(other.getByTestId('url-notices')).toHaveCount(0);
  expect(other.url()).toBe(link);
  expect(errors).toEqual([]);
});

test('Embed mode (?embed=1&hide=settings) hides the page header and the run settings but keeps the playground.', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page);
  // Without embed, both are there (so the check below can fail).
  await openReady(page);
  await expect(page.getByRole('heading', { level: 1, name: 'KD Playground' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Run settings' })).toBeVisible();

  await openReady(page, 'embed=1&hide=settings');
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Run settings' })).toHaveCount(0);
  await expect(page.getByLabel('Student size')).toHaveCount(0);
  // The playground itself stays.
  await expect(page.getByRole('button', { name: '▶ Train' })).toBeEnabled();
  await expect(page.getByRole('slider', { name: /Temperature/ })).toBeVisible();
  await expect(page.getByTestId('digit-card')).toHaveCount(4);
  await expect(page.getByTestId('accuracy-chart')).toBeVisible();
  expect(urlParam(page, 'embed')).toBe('1');
  expect(errors).toEqual([]);
});
