import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultChromiumCandidates, findChromium, type ChromiumCandidate } from './chromium.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** An `exists` that knows only the given paths. */
const only =
  (...present: string[]) =>
  (path: string): boolean =>
    present.includes(path);

describe('findChromium', () => {
  const env = {} as NodeJS.ProcessEnv;
  const candidates = defaultChromiumCandidates(env);
  const playwrightPath = candidates.find((c) => c.kind === 'playwright')?.path;

  it('looks at Debian/Ubuntu chromium, then Playwright, then Chrome', () => {
    const kinds = candidates.map((c) => c.kind);
    expect(kinds.slice(0, 2)).toEqual(['system', 'system']);
    expect(candidates.slice(0, 2).map((c) => c.path)).toEqual([
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
    ]);
    expect(kinds[2]).toBe('playwright');
    expect(playwrightPath).toMatch(/ms-playwright/);
    expect(candidates.slice(3)).toEqual([
      { kind: 'chrome', path: '/usr/bin/google-chrome' },
      { kind: 'chrome', path: '/usr/bin/google-chrome-stable' },
      { kind: 'chrome', path: '/opt/google/chrome/chrome' },
    ]);
  });

  it('takes the first that exists', () => {
    const all = candidates.map((c) => c.path);
    expect(findChromium({ env, exists: only(...all) })).toEqual(candidates[0]);
    expect(
      findChromium({ env, exists: only('/usr/bin/chromium-browser', '/opt/google/chrome/chrome') }),
    ).toEqual({
      kind: 'system',
      path: '/usr/bin/chromium-browser',
    });
    expect(findChromium({ env, exists: only(playwrightPath!, '/usr/bin/google-chrome') })).toEqual({
      kind: 'playwright',
      path: playwrightPath,
    });
    expect(findChromium({ env, exists: only('/opt/google/chrome/chrome') })).toEqual({
      kind: 'chrome',
      path: '/opt/google/chrome/chrome',
    });
    expect(findChromium({ env, exists: only() })).toBeNull();
  });

  it('puts KD_CHROMIUM first and skips it when it does not exist', () => {
    const withEnv = { KD_CHROMIUM: '/my/chrome' } as NodeJS.ProcessEnv;
    expect(defaultChromiumCandidates(withEnv)[0]).toEqual({ kind: 'env', path: '/my/chrome' });
    expect(
      findChromium({ env: withEnv, exists: only('/my/chrome', '/usr/bin/chromium') })?.path,
    ).toBe('/my/chrome');
    expect(findChromium({ env: withEnv, exists: only('/usr/bin/chromium') })?.path).toBe(
      '/usr/bin/chromium',
    );
  });

  it('lets KD_CHROMIUM_CANDIDATES replace the list', () => {
    const withList = { KD_CHROMIUM_CANDIDATES: '/a/chrome:/b/chrome' } as NodeJS.ProcessEnv;
    expect(defaultChromiumCandidates(withList)).toEqual([
      { kind: 'candidate', path: '/a/chrome' },
      { kind: 'candidate', path: '/b/chrome' },
    ]);
    expect(
      findChromium({ env: withList, exists: only('/usr/bin/chromium', '/b/chrome') })?.path,
    ).toBe('/b/chrome');
  });

  it('uses a given candidate list as is', () => {
    const list: ChromiumCandidate[] = [
      { kind: 'chrome', path: '/x' },
      { kind: 'system', path: '/y' },
    ];
    expect(findChromium({ candidates: list, exists: only('/x', '/y') })).toEqual(list[0]);
  });
});

describe('scripts/ensure-browser.ts', () => {
  it('stops within seconds with one line when no browser exists and installs are skipped', () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      KD_SKIP_BROWSER_INSTALL: '1',
      KD_CHROMIUM_CANDIDATES: '/nonexistent/chromium:/nonexistent/chrome',
    };
    delete env.KD_CHROMIUM;
    const started = Date.now();
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ensure-browser.ts'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      timeout: 20_000,
    });
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeLessThan(10);
    expect(result.status).toBe(1);
    const lines = `${result.stdout}${result.stderr}`.split('\n').filter((l) => l.trim() !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/No Chromium found: install one with `sudo apt-get install chromium`/);
    expect(lines[0]).toMatch(/npx playwright install chromium/);
  });

  it('names the browser it finds on one stdout line', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, KD_CHROMIUM_CANDIDATES: process.execPath };
    delete env.KD_CHROMIUM;
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ensure-browser.ts'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim().split('\n')).toEqual([
      `Chromium for the e2e tests: ${process.execPath} (KD_CHROMIUM_CANDIDATES)`,
    ]);
  });
});
