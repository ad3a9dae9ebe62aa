import * as tf from '@tensorflow/tfjs';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseIdxImages, parseIdxLabels } from '../src/data/idx.ts';
import { collectConsoleErrors, expectPhase, READY_TIMEOUT_MS } from './helpers.ts';

/**
 * Saved runs and exports, as a learner uses them: two short runs are saved when they end; after
 * a reload they are still listed; one is renamed; the two are compared; one is downloaded and
 * imported in a fresh browser profile with the same results; a student is downloaded as a
 * TensorFlow.js model, loaded with tfjs here, and makes the page's number of test errors.
 */
const RUN = 'student=30-30&fraction=0.1&epochs=2&evalEvery=40';

/**
 * Trains a run to its end and waits for it to be saved (the `saved`-th run in the list); the
 * results table and the saved run then agree on the distilled student's final test errors.
 */
async function trainToEnd(page: Page, query: string, saved: number): Promise<number> {
  await page.goto(`./?${query}`);
  await expectPhase(page, 'ready', READY_TIMEOUT_MS);
  await page.getByRole('button', { name: /Train/ }).first().click();
  await expectPhase(page, 'done', 120_000);
  await expect(page.getByTestId('saved-run')).toHaveCount(saved, { timeout: 30_000 });
  const newest = page.getByTestId('saved-run').first();
  const savedErrors = Number((/distilled student (\d+)/.exec(await newest.innerText()) ?? [])[1]);
  await expect(page.getByTestId('errors-distilled')).toHaveText(String(savedErrors));
  return savedErrors;
}

test('runs are saved when they end, survive a reload, can be renamed, compared, exported, imported elsewhere, and a student downloads as a working tfjs model', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const errors = collectConsoleErrors(page);
  const first = await trainToEnd(page, RUN, 1);
  const second = await trainToEnd(page, `${RUN}&seed=2`, 2);

  // The run just trained: its distilled student as a TensorFlow.js model: two files.
  const downloads: { name: string; path: string }[] = [];
  page.on('download', async (d) =>
    downloads.push({ name: d.suggestedFilename(), path: await d.path() }),
  );
  await page.getByRole('button', { name: 'As a TensorFlow.js model' }).click();
  await expect.poll(() => downloads.length).toBe(2);
  const modelJson = JSON.parse(
    readFileSync(downloads.find((d) => d.name === 'distilled.model.json')!.path, 'utf8'),
  ) as { modelTopology: object; weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[] };
  const weights = readFileSync(downloads.find((d) => d.name === 'distilled.weights.bin')!.path);
  await tf.setBackend('cpu');
  const model = await tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: modelJson.modelTopology,
      weightSpecs: modelJson.weightsManifest[0].weights,
      weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
    }),
  );
  const images = parseIdxImages(
    gunzipSync(readFileSync('public/data/mnist-test-images.idx3.gz')),
    'test images',
  );
  const labels = parseIdxLabels(
    gunzipSync(readFileSync('public/data/mnist-test-labels.idx1.gz')),
    'test labels',
  );
  const x = tf.tidy(() =>
    tf.tensor2d(images.pixels, [images.count, 784], 'int32').toFloat().div(255),
  );
  const predicted = (model.predict(x) as tf.Tensor2D).argMax(1).dataSync();
  let wrong = 0;
  for (let i = 0; i < labels.count; i++) if (predicted[i] !== labels.labels[i]) wrong++;
  expect(wrong).toBe(second);

  // The accuracy chart as an SVG drawing and a PNG image: title, legend and curves, colours resolved.
  const chart = page.getByTestId('accuracy-chart');
  await chart.getByRole('button', { name: 'SVG', exact: true }).click();
  await chart.getByRole('button', { name: 'PNG', exact: true }).click();
  await expect.poll(() => downloads.length).toBe(4);
  const svg = readFileSync(downloads.find((d) => d.name === 'kd-accuracy-chart.svg')!.path, 'utf8');
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="(\d+)"/);
  expect(svg).toContain('Test accuracy (10,000 digits)');
  expect(svg).toContain('distilled student');
  expect(svg).toMatch(/<path[^>]+stroke="(#|rgb)/);
  expect(svg).not.toContain('var(');
  const png = readFileSync(downloads.find((d) => d.name === 'kd-accuracy-chart.png')!.path);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  // Twice the drawing's size: IHDR holds the width at byte 16.
  expect(png.readUInt32BE(16)).toBe(2 * Number(/width="(\d+)"/.exec(svg)![1]));
  // The run's setup as a Keras 3 script: Keras's own Distiller, with the page's T and α.
  await page.getByRole('button', { name: 'Keras 3 script' }).click();
  await expect.poll(() => downloads.length).toBe(5);
  const keras = readFileSync(downloads.find((d) => d.name.endsWith('-keras.py'))!.path, 'utf8');
  expect(keras).toContain('keras.distillation.Distiller(');
  expect(keras).toContain('HIDDEN = [30,30]');
  expect(keras).toMatch(/^T = \d/m);

  await page.reload();
  const saved = page.getByTestId('saved-run');
  await expect(saved).toHaveCount(2);
  // Newest first: the seed-2 run, with its errors in the list.
  await expect(saved.first()).toContainText(`distilled student ${second}`);
  await expect(saved.nth(1)).toContainText(`distilled student ${first}`);

  await saved
    .first()
    .getByRole('button', { name: /^Rename/ })
    .click();
  await page.getByLabel('New name').fill('Seed two');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(saved.first()).toContainText('Seed two');

  for (const row of await saved.all()) await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Compare the two picked runs' }).click();
  const compare = page.getByTestId('saved-compare');
  await expect(compare).toContainText('Seed two');
  // Picked in list order: the renamed (seed 2) run, then the first.
  await expect(compare.getByTestId('compare-0-distilled student')).toContainText(String(second));
  await expect(compare.getByTestId('compare-1-distilled student')).toContainText(String(first));

  // Download the first run's file, and import it in a fresh profile.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    saved
      .nth(1)
      .getByRole('button', { name: /^Download/ })
      .click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.kd-run\.json$/);
  const file = await download.path();
  const fresh = await browser.newContext({ serviceWorkers: 'block' });
  const other = await fresh.newPage();
  await other.goto('http://localhost:4173/?student=30-30');
  await expect(other.getByText('No saved runs yet in this browser.')).toBeVisible();
  await other.getByLabel('Run file to import').setInputFiles(file);
  await expect(other.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
  await other.getByTestId('saved-run').getByRole('checkbox').check();
  await other.getByRole('button', { name: 'Show the picked run' }).click();
  await expect(
    other.getByTestId('saved-compare').getByTestId('compare-0-distilled student'),
  ).toContainText(String(first));
  // A damaged file is refused by name, and the list is unchanged.
  await other.getByLabel('Run file to import').setInputFiles({
    name: 'broken.kd-run.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"kd-playground-run","version":1,"name":'),
  });
  await expect(other.getByRole('status').filter({ hasText: 'broken.kd-run.json' })).toContainText(
    'not a KD Playground run file',
  );
  await expect(other.getByTestId('saved-run')).toHaveCount(1);
  await fresh.close();

  expect(errors).toEqual([]);
});
