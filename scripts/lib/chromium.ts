/** How this project launches Chromium (tests and bench): Debian's build where it exists. */
import { existsSync } from 'node:fs';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Debian's /usr/bin/chromium when present (Playwright cannot download browsers here), else Playwright's. */
export const chromiumExecutable: string | undefined = existsSync(SYSTEM_CHROMIUM)
  ? SYSTEM_CHROMIUM
  : undefined;

/** Headless flags that work on a sandboxed machine with a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
