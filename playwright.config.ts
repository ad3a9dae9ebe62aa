import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './scripts/lib/chromium.ts';

/**
 * End-to-end tests against the production build (`vite build` + `vite preview`), in Chromium.
 * Debian's Chromium is used where it exists (Playwright cannot download browsers on this
 * machine); elsewhere Playwright's own Chromium.
 */

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/artifacts',
  // Training is CPU-heavy and the machine is small: one test at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  // Default per-test timeout; tests that train set their own with test.setTimeout.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: 'http://localhost:4173/',
    headless: true,
    viewport: { width: 1280, height: 800 },
    // Traces cost ~10% of the suite's time on this 2-core machine (two lessons specs: 43.0 and
    // 43.6 s without, 48.3 and 47.4 s with) and CI keeps no artifacts: on locally, off in CI.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    screenshot: 'only-on-failure',
    // The app's service worker precaches ~23 MB in the background; only e2e/offline.spec.ts,
    // which tests it, lets it install (the other specs test the page, not the cache).
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumExecutable,
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: {
    command: 'npm run build && npm run preview',
    url: 'http://localhost:4173/',
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
