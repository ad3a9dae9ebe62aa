import { expect, test } from '@playwright/test';
import { createServer } from 'node:http';
import { collectConsoleErrors, expectPhase, firstStep, openReady } from './helpers.ts';

const ISOLATED_PORT = 4176;

test('under the strict Content-Security-Policy the app loads, trains and opens every panel with no violation and no request to another origin', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const requests: string[] = [];
  // A violation inside a worker reaches neither the document's event nor page errors: Chromium
  // reports it on the console ("Refused to …").
  const refused: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
  });
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { cspViolations: string[] }).cspViolations.push(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    );
  });
  const response = await page.goto('./?student=30-30&fraction=0.1');
  expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
  await expectPhase(page, 'ready', 60_000);
  await openReady(page, 'student=30-30&fraction=0.1');
  await firstStep(page);
  const tabs = page.getByRole('tablist', { name: 'Look inside' }).getByRole('tab');
  for (const name of await tabs.allTextContents()) await tabs.filter({ hasText: name }).click();
  const violations = await page.evaluate(
    () => (window as unknown as { cspViolations: string[] }).cspViolations,
  );
  expect(violations).toEqual([]);
  expect(refused).toEqual([]);
  // The fast path ran: WASM compiled under the policy (without 'wasm-unsafe-eval' it falls back).
  await expect(page.getByTestId('status')).toContainText('backend wasm');
  const origin = new URL(page.url()).origin;
  const foreign = requests.filter((u) => !u.startsWith(origin) && !/^(data|blob):/.test(u));
  expect(foreign).toEqual([]);
  expect(requests.length).toBeGreaterThan(10);
});

test('served cross-origin isolated (COOP and COEP) with the same policy, the app trains on WASM without its Blob threads', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // The built app as a host that isolates its pages would serve it: the preview's files and
  // headers (the policy too), plus Cross-Origin-Opener-Policy and -Embedder-Policy.
  const isolated = createServer((request, response) => {
    void fetch(`http://localhost:4173${request.url ?? '/'}`).then(async (upstream) => {
      const headers = Object.fromEntries(upstream.headers);
      delete headers['content-encoding'];
      delete headers['content-length'];
      response.writeHead(upstream.status, {
        ...headers,
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      });
      response.end(Buffer.from(await upstream.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => isolated.listen(ISOLATED_PORT, '127.0.0.1', resolve));
  try {
    const errors = collectConsoleErrors(page);
    await page.goto(`http://127.0.0.1:${ISOLATED_PORT}/?student=30-30&fraction=0.1`);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await expectPhase(page, 'ready', 60_000);
    await firstStep(page);
    await expect(page.getByTestId('status')).toContainText('backend wasm');
    await expect(page.getByTestId('backend-fallback')).toHaveCount(0);
    expect(errors).toEqual([]);
  } finally {
    await new Promise<void>((resolve) => isolated.close(() => resolve()));
  }
});
