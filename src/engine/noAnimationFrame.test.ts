import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every source file (tests excluded) under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.|\.testutil\./.test(name) ? [path] : [];
  });
}

/**
 * A hidden tab runs no animation frames: a training loop that waited for one (tf.nextFrame uses
 * requestAnimationFrame where it exists, also in workers) would stop when the learner switches
 * tabs. The engine, the worker and the clients yield with a MessageChannel instead
 * (yieldToEventLoop.ts); e2e/hidden-tab.spec.ts checks the page side in the browser.
 */
describe('the training loop never waits for an animation frame', () => {
  const files = ['src/engine', 'src/client', 'src/kd', 'src/kernels', 'src/models', 'src/data']
    .flatMap(sources)
    .filter((path) => !path.endsWith('yieldToEventLoop.ts'));

  it('reads the engine and its clients', () => {
    expect(files.length).toBeGreaterThan(40);
    expect(files).toContain(join('src/engine', 'session.ts'));
  });

  it.each(files)('%s calls neither requestAnimationFrame nor tf.nextFrame', (path) => {
    const code = readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code).not.toMatch(/requestAnimationFrame|nextFrame\s*\(/);
  });
});
