import { expect, test, type Page } from '@playwright/test';
import { collectConsoleErrors, firstStep, openReady } from './helpers.ts';

/**
 * Saving a run when the browser's storage fails, injected before the app's scripts run: the
 * page says why in the Save & export panel and keeps everything on screen.
 */
async function saveAndExpectRefusal(page: Page, says: RegExp): Promise<void> {
  const consoleErrors = collectConsoleErrors(page);
  await openReady(page, 'student=30-30&fraction=0.1');
  // The pretrained teacher is evaluated before training: a result on screen to keep.
  const errors = page.getByTestId('errors-teacher');
  await expect(errors).toHaveText(/^\d+$/);
  const shown = await errors.textContent();
  await page.getByRole('button', { name: 'Save this run' }).click();
  await expect(page.locator('.runs-message.error')).toHaveText(says);
  await expect(page.getByTestId('saved-run')).toHaveCount(0);
  // Nothing on screen was lost: the results and the run are as they were, and it still trains.
  await expect(errors).toHaveText(shown ?? '');
  await firstStep(page);
  expect(consoleErrors).toEqual([]);
}

test('Storage full: Save says the site’s storage is full and what to do, and nothing on screen is lost', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.put = full;
    IDBObjectStore.prototype.add = full;
  });
  await saveAndExpectRefusal(page, /storage for this site is full.*download this run as a file/);
});

test('Storage refused (no IndexedDB, as in some private modes): Save says so, and nothing on screen is lost', async ({
  page,
}) => {
  await page.addInitScript(() =>
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }),
  );
  await saveAndExpectRefusal(page, /does not let the page store runs/);
});
