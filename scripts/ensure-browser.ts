/**
 * Makes sure the end-to-end tests have a Chromium (run by `npm run test:e2e` before Playwright).
 *
 * Uses the first of KD_CHROMIUM, Debian/Ubuntu's chromium, Playwright's own, an installed Chrome
 * (scripts/lib/chromium.ts). When there is none it installs one: Playwright's download (bounded
 * by a timeout), else, as root, Debian's `chromium` with apt-get. Otherwise it stops with one
 * line saying what to install. KD_SKIP_BROWSER_INSTALL=1 skips the installs.
 *
 * stdout: one line naming the browser, or nothing; stderr: what it does, briefly.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { findChromium, isExecutableFile, type ChromiumCandidate } from './lib/chromium.ts';

const PLAYWRIGHT_TIMEOUT_MS = 60_000;
const APT_UPDATE_TIMEOUT_MS = 5 * 60_000;
const APT_INSTALL_TIMEOUT_MS = 10 * 60_000;

const HOW_TO_INSTALL =
  'No Chromium found: install one with `sudo apt-get install chromium` or ' +
  '`npx playwright install chromium`, or set KD_CHROMIUM=/path/to/chrome';

const KIND_NAMES: Record<ChromiumCandidate['kind'], string> = {
  env: 'KD_CHROMIUM',
  system: "the system's chromium",
  playwright: "Playwright's chromium",
  chrome: 'Google Chrome',
  candidate: 'KD_CHROMIUM_CANDIDATES',
};

function log(message: string): void {
  process.stderr.write(`ensure-browser: ${message}\n`);
}

function report(found: ChromiumCandidate): never {
  console.log(`Chromium for the e2e tests: ${found.path} (${KIND_NAMES[found.kind]})`);
  process.exit(0);
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

interface RunResult {
  ok: boolean;
  /** The last non-empty line of its output, or why it did not run. */
  lastLine: string;
}

/** Runs a command in its own process group; on timeout the whole group is killed. */
function run(
  command: string,
  args: string[],
  timeoutMs: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunResult> {
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    let settled = false;
    const child = spawn(command, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const finish = (result: RunResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      // Should a grandchild keep the pipes open, do not wait for it.
      setTimeout(
        () => finish({ ok: false, lastLine: `timed out after ${timeoutMs / 1000} s` }),
        2000,
      ).unref();
    }, timeoutMs);
    child.on('error', (err) => finish({ ok: false, lastLine: err.message }));
    child.on('close', (code, signal) => {
      const lines = output
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      // The error itself rather than the last frame of a stack trace.
      const last =
        lines.find((l) => /^(Error:|E: )/.test(l)) ??
        lines.filter((l) => !l.startsWith('at ')).at(-1) ??
        `exit ${code ?? signal}`;
      if (timedOut) finish({ ok: false, lastLine: `timed out after ${timeoutMs / 1000} s` });
      else finish({ ok: code === 0, lastLine: last });
    });
  });
}

async function installWithPlaywright(): Promise<void> {
  let cli: string;
  try {
    cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  } catch {
    log('Playwright is not installed (npm install first); skipping its download');
    return;
  }
  log(
    `no Chromium found; trying \`npx playwright install chromium\` (at most ${PLAYWRIGHT_TIMEOUT_MS / 1000} s)`,
  );
  const env = {
    ...process.env,
    PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT:
      process.env.PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT ?? '15000',
  };
  const result = await run(
    process.execPath,
    [cli, 'install', 'chromium', '--no-shell'],
    PLAYWRIGHT_TIMEOUT_MS,
    env,
  );
  if (!result.ok) log(`Playwright's download failed: ${result.lastLine}`);
}

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':').filter(Boolean)) {
    if (isExecutableFile(`${dir}/${name}`)) return `${dir}/${name}`;
  }
  return undefined;
}

async function installWithApt(): Promise<void> {
  const aptGet = findOnPath('apt-get');
  if (!aptGet) return;
  if (process.getuid?.() !== 0) {
    log('not root: not installing chromium with apt-get');
    return;
  }
  log("installing Debian's chromium with apt-get (a minute or two)");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = await run(aptGet, ['update', '-qq'], APT_UPDATE_TIMEOUT_MS, env);
  if (!update.ok) log(`apt-get update failed: ${update.lastLine}`);
  const install = await run(
    aptGet,
    ['install', '-y', '-qq', 'chromium'],
    APT_INSTALL_TIMEOUT_MS,
    env,
  );
  if (!install.ok) log(`apt-get install chromium failed: ${install.lastLine}`);
}

async function main(): Promise<void> {
  const explicit = process.env.KD_CHROMIUM;
  if (explicit && !isExecutableFile(explicit)) {
    fail(
      `KD_CHROMIUM=${explicit} is not an executable file: point it at a Chromium or Chrome, or unset it`,
    );
  }
  const found = findChromium();
  if (found) report(found);
  const skip = process.env.KD_SKIP_BROWSER_INSTALL;
  if (skip && skip !== '0') fail(HOW_TO_INSTALL);

  await installWithPlaywright();
  const fromPlaywright = findChromium();
  if (fromPlaywright) report(fromPlaywright);

  await installWithApt();
  const fromApt = findChromium();
  if (fromApt) report(fromApt);

  fail(HOW_TO_INSTALL);
}

void main();
