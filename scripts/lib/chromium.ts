/**
 * How this project finds Chromium (tests and bench): the first browser that exists of
 * `KD_CHROMIUM`, Debian/Ubuntu's chromium, Playwright's own download, an installed Chrome.
 * `scripts/ensure-browser.ts` installs one when none does.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter } from 'node:path';
import { chromium } from '@playwright/test';

export type ChromiumKind = 'env' | 'system' | 'playwright' | 'chrome' | 'candidate';

export interface ChromiumCandidate {
  kind: ChromiumKind;
  path: string;
}

export interface FindChromiumOptions {
  /** Whether a path is a usable browser executable (default: an executable regular file). */
  exists?: (path: string) => boolean;
  /** Where to look, in order (default: defaultChromiumCandidates(env)). */
  candidates?: readonly ChromiumCandidate[];
  /** Environment to read KD_CHROMIUM / KD_CHROMIUM_CANDIDATES from (default: process.env). */
  env?: NodeJS.ProcessEnv;
}

export const SYSTEM_CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
export const CHROME_PATHS = [
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
];

/** An executable regular file. */
export function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Where Playwright keeps its own Chromium (whether or not it was downloaded). */
function playwrightChromiumPath(): string | undefined {
  try {
    return chromium.executablePath() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The places to look, in order. `KD_CHROMIUM` (an explicit path) comes first; when
 * `KD_CHROMIUM_CANDIDATES` is set (paths separated by `:`), it replaces all the rest.
 */
export function defaultChromiumCandidates(
  env: NodeJS.ProcessEnv = process.env,
): ChromiumCandidate[] {
  const list: ChromiumCandidate[] = [];
  if (env.KD_CHROMIUM) list.push({ kind: 'env', path: env.KD_CHROMIUM });
  if (env.KD_CHROMIUM_CANDIDATES !== undefined) {
    for (const path of env.KD_CHROMIUM_CANDIDATES.split(delimiter).filter(Boolean)) {
      list.push({ kind: 'candidate', path });
    }
    return list;
  }
  for (const path of SYSTEM_CHROMIUM_PATHS) list.push({ kind: 'system', path });
  const own = playwrightChromiumPath();
  if (own) list.push({ kind: 'playwright', path: own });
  for (const path of CHROME_PATHS) list.push({ kind: 'chrome', path });
  return list;
}

/** The first candidate that exists, or null when there is none. */
export function findChromium(options: FindChromiumOptions = {}): ChromiumCandidate | null {
  const exists = options.exists ?? isExecutableFile;
  const candidates = options.candidates ?? defaultChromiumCandidates(options.env);
  return candidates.find((c) => exists(c.path)) ?? null;
}

/** The browser Playwright launches; undefined leaves the choice to Playwright (and its error). */
export const chromiumExecutable: string | undefined = findChromium()?.path;

/** Headless flags that work on a sandboxed machine with a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
