import { IdxFormatError, parseIdxImages, parseIdxLabels } from './idx.ts';
import type { MnistSplit } from './batches.ts';
import { IMAGE_SIDE, MNIST_ASSETS, REBUILD_DATA_COMMAND } from './mnistAssets.ts';

/** A data file that is missing or unreadable; the message names the file and the fix. */
export class DataAssetError extends Error {
  constructor(
    readonly file: string,
    /** What is wrong with it (src/engine/messageWords.ts words it in the page's language). */
    readonly detail: string,
  ) {
    super(
      `Could not load the MNIST file ${file}: ${detail}. Rebuild the data with \`${REBUILD_DATA_COMMAND}\`.`,
    );
    this.name = 'DataAssetError';
  }
}

const GZIP_MAGIC = [0x1f, 0x8b];

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Fetches one asset; a host that already decoded the gzip (Content-Encoding) is fine too. */
export async function fetchAsset(baseUrl: string, file: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(new URL(file, baseUrl));
  } catch (e) {
    throw new DataAssetError(file, `network error (${(e as Error).message})`);
  }
  if (!response.ok)
    throw new DataAssetError(file, `HTTP ${response.status} ${response.statusText}`.trim());
  const raw = new Uint8Array(await response.arrayBuffer());
  const gzipped = raw[0] === GZIP_MAGIC[0] && raw[1] === GZIP_MAGIC[1];
  try {
    return gzipped ? await gunzip(raw) : raw;
  } catch {
    throw new DataAssetError(file, 'the gzip data is corrupt');
  }
}

/** Parses an image/label pair and checks the two agree. */
export function parseSplit(
  imagesFile: string,
  imageBytes: Uint8Array,
  labelsFile: string,
  labelBytes: Uint8Array,
  expectedCount: number,
): MnistSplit {
  try {
    const images = parseIdxImages(imageBytes, imagesFile);
    const labels = parseIdxLabels(labelBytes, labelsFile);
    if (images.rows !== IMAGE_SIDE || images.cols !== IMAGE_SIDE) {
      throw new IdxFormatError(
        imagesFile,
        `images are ${images.rows}×${images.cols}, expected 28×28`,
      );
    }
    if (images.count !== expectedCount) {
      throw new IdxFormatError(imagesFile, `${images.count} images, expected ${expectedCount}`);
    }
    if (labels.count !== images.count) {
      throw new IdxFormatError(labelsFile, `${labels.count} labels for ${images.count} images`);
    }
    return { count: images.count, images: images.pixels, labels: labels.labels };
  } catch (e) {
    if (e instanceof IdxFormatError)
      throw new DataAssetError(e.file, e.message.slice(e.file.length + 2));
    throw e;
  }
}

export async function loadSplit(baseUrl: string, split: 'test' | 'train'): Promise<MnistSplit> {
  const { images, labels, count } = MNIST_ASSETS[split];
  const [imageBytes, labelBytes] = await Promise.all([
    fetchAsset(baseUrl, images),
    fetchAsset(baseUrl, labels),
  ]);
  return parseSplit(images, imageBytes, labels, labelBytes, count);
}
