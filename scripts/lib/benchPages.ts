/** Opens bench.html with a query and waits for the page's window.benchResult. */
import type { Browser } from '@playwright/test';
import type { BenchResult } from '../../src/bench/benchProtocol.ts';

export async function benchPage(
  browser: Browser,
  port: number,
  backend: string,
  query: string,
): Promise<BenchResult | string> {
  const page = await browser.newPage();
  try {
    await page.goto(`http://localhost:${port}/bench.html?backend=${backend}&${query}`);
    const handle = await page.waitForFunction(
      () => (window as unknown as { benchResult?: unknown }).benchResult,
      null,
      { timeout: 900_000, polling: 500 },
    );
    const outcome = (await handle.jsonValue()) as {
      ok: boolean;
      result?: BenchResult;
      error?: string;
    };
    return outcome.ok && outcome.result ? outcome.result : (outcome.error ?? 'unknown error');
  } finally {
    await page.close();
  }
}
