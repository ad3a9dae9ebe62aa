import { expect, test } from '@playwright/test';
import { createServer } from 'node:http';
import { expectPhase, openReady, readStep, READY_TIMEOUT_MS } from './helpers.ts';

// Playwright allows service workers by default; said here so a config that blocks them for the
// other tests keeps this one meaningful.
test.use({ serviceWorkers: 'allow' });

const QUERY = 'student=30-30&fraction=0.05';

test('after one visit, the page opens and trains with the network off (service worker cache)', async ({
  page,
  context,
}) => {
  test.setTimeout(5 * 60_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // The registration and the worker's script under the app's Content-Security-Policy.
  const refused: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
  });

  // 1. One visit online: the page loads the data and the default pretrained teacher, and the
  // service worker installs (its precache: the app, MNIST, teacher.*) and activates.
  await openReady(page, QUERY);
  const precached = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (worker && worker.state !== 'activated') {
      await new Promise<void>((resolve) =>
        worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()),
      );
    }
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls.map((u) => new URL(u).pathname);
  });
  for (const file of [
    '/index.html',
    '/data/mnist-train-images.idx3.gz',
    '/data/mnist-train-labels.idx1.gz',
    '/data/mnist-test-images.idx3.gz',
    '/data/mnist-test-labels.idx1.gz',
    '/models/teacher.json',
    '/models/teacher.bin',
  ]) {
    expect(precached, `${file} is cached`).toContain(file);
  }
  expect(precached.some((p) => /\/assets\/training\.worker-[^/]+\.js$/.test(p))).toBe(true);
  expect(precached.some((p) => /\/assets\/tfjs-backend-wasm-simd-[^/]+\.wasm$/.test(p))).toBe(true);

  // 2. Network off, reload: everything comes from the service worker.
  const failed: string[] = [];
  const origin = new URL(page.url()).origin;
  context.on('requestfailed', (r) => {
    // The browser's check for a new sw.js fails offline by design; the cached app runs on.
    if (r.url().startsWith(origin) && !/\/sw\.js(\?|$)/.test(r.url())) {
      failed.push(`${r.url()} (${r.failure()?.errorText})`);
    }
  });
  await context.setOffline(true);
  const response = await page.reload();
  expect(response?.fromServiceWorker()).toBe(true);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expectPhase(page, 'ready', READY_TIMEOUT_MS);

  // 3. And it trains: the students' phase, and the step counter moves on.
  await page.getByRole('button', { name: '▶ Train' }).click();
  await expectPhase(page, 'learners', 120_000);
  await expect.poll(() => readStep(page), { timeout: 60_000 }).not.toBeNull();
  const first = (await readStep(page)) ?? 0;
  await expect.poll(() => readStep(page), { timeout: 60_000 }).toBeGreaterThan(first);

  expect(failed).toEqual([]);
  expect(pageErrors).toEqual([]);
  expect(refused).toEqual([]);
  await context.setOffline(false);
});

test('framed with sandbox="allow-scripts" (opaque origin, no service workers), the app starts without one', async ({
  page,
}) => {
  // A course page on another origin, as in e2e/embed-sandbox.spec.ts (its own port).
  const host = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(
      `<!doctype html><title>Course page</title><iframe sandbox="allow-scripts" src="http://localhost:4173/?${QUERY}&embed=1" width="1200" height="700" title="KD Playground"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => host.listen(4175, '127.0.0.1', resolve));
  try {
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto('http://127.0.0.1:4175/lesson.html');
    const frame = page.frameLocator('iframe[title="KD Playground"]');
    // main.tsx ran to the end (reading navigator.serviceWorker throws a SecurityError here; a
    // throw while importing the registration would have stopped the app before it rendered).
    await expect(frame.getByTestId('engine-notice')).toContainText('allow-same-origin', {
      timeout: 30_000,
    });
    await expect(frame.getByTestId('status')).toBeVisible();
    expect(pageErrors).toEqual([]);
  } finally {
    host.closeAllConnections();
    await new Promise<void>((resolve) => host.close(() => resolve()));
  }
});
