import { expect, test, type Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';

const APP = 'http://localhost:4173/';
const HOST_PORT = 4174;

/**
 * A course page on another origin (another port), served by a real local server: Chromium's
 * local-network checks block a page that Playwright fulfils itself from framing localhost.
 */
let host: Server;
test.beforeAll(async () => {
  host = createServer((request, response) => {
    const sandbox = new URL(request.url ?? '/', 'http://x').searchParams.get('sandbox');
    const attr = sandbox === null ? '' : ` sandbox="${sandbox}"`;
    const src = `${APP}?student=30-30&fraction=0.1&embed=1`;
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(
      `<!doctype html><title>Course page</title><h1>Lesson</h1><iframe${attr} src="${src}" width="1200" height="700" title="KD Playground"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => host.listen(HOST_PORT, '127.0.0.1', resolve));
});
test.afterAll(() => new Promise<void>((resolve) => host.close(() => resolve())));

async function openHost(page: Page, sandbox: string) {
  await page.goto(
    `http://127.0.0.1:${HOST_PORT}/lesson.html?sandbox=${encodeURIComponent(sandbox)}`,
  );
  return page.frameLocator('iframe[title="KD Playground"]');
}

test('framed with sandbox="allow-scripts" (no same origin), the app says why and starts training on its own thread', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const frame = await openHost(page, 'allow-scripts');
  await expect(frame.getByTestId('engine-notice')).toContainText(
    'cannot start its training worker',
    { timeout: 30_000 },
  );
  await expect(frame.getByTestId('engine-notice')).toContainText('allow-same-origin');
  const status = frame.getByTestId('status');
  await expect(status).toHaveAttribute('data-phase', 'ready', { timeout: 60_000 });
  // The engine works on the page's thread: a step starts caching the teacher's outputs. (The
  // whole first step is slow there, over a minute here: see the README's Reliability section.)
  await frame.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(status).toHaveAttribute('data-phase', /caching|learners/, { timeout: 60_000 });
});

test('framed with sandbox="allow-scripts allow-same-origin", the app trains in its worker with no notice', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const frame = await openHost(page, 'allow-scripts allow-same-origin');
  const status = frame.getByTestId('status');
  await expect(status).toHaveAttribute('data-phase', 'ready', { timeout: 60_000 });
  // In its worker, not on the page's thread (which would also reach step 1, only slower).
  expect(page.workers().map((w) => w.url())).toContainEqual(
    expect.stringContaining('training.worker'),
  );
  await frame.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(status).toContainText(/step\s+1(?!\d)/, { timeout: 60_000 });
  await expect(frame.getByTestId('engine-notice')).toHaveCount(0);
});
