import { expect, test } from '@playwright/test';
import { expectPhase, firstStep, openReady } from './helpers.ts';

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
