/**
 * IDX file parsing (the format of the original MNIST files, http://yann.lecun.com/exdb/mnist/).
 * Header: two zero bytes, a type byte (0x08 = unsigned byte), a dimension count, then one
 * big-endian uint32 per dimension. Images are 0x00000803 (n × rows × cols), labels 0x00000801 (n).
 */
export class IdxFormatError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'IdxFormatError';
  }
}

export interface IdxImages {
  count: number;
  rows: number;
  cols: number;
  /** count × rows × cols pixels, 0–255, row-major; a view on the input bytes (no copy). */
  pixels: Uint8Array;
}

export interface IdxLabels {
  count: number;
  labels: Uint8Array;
}

const IMAGES_MAGIC = 0x00000803;
const LABELS_MAGIC = 0x00000801;

/**
 * Whether `bytes` is a web page: a static host with an SPA fallback answers a missing file with
 * index.html and status 200, which would otherwise be reported as a baffling magic number.
 */
function looksLikeHtml(bytes: Uint8Array): boolean {
  // An IDX file starts with two zero bytes, so a leading '<' (after any BOM or blank) is markup:
  // an HTML page, or a host's XML error document.
  return new TextDecoder().decode(bytes.subarray(0, 64)).trimStart().startsWith('<');
}

function readHeader(bytes: Uint8Array, file: string, magic: number, dims: number): number[] {
  if (looksLikeHtml(bytes)) {
    throw new IdxFormatError(
      file,
      'the server returned a web page (HTML) instead of the data file; the file is probably missing',
    );
  }
  const headerBytes = 4 + 4 * dims;
  // The magic number first (it needs only 4 bytes): the wrong file says more than a short one.
  if (bytes.byteLength < 4) {
    throw new IdxFormatError(
      file,
      `file is ${bytes.byteLength} bytes, too short for an IDX header`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = view.getUint32(0, false);
  if (found !== magic) {
    throw new IdxFormatError(
      file,
      `magic number is 0x${found.toString(16).padStart(8, '0')}, expected 0x${magic.toString(16).padStart(8, '0')}`,
    );
  }
  if (bytes.byteLength < headerBytes) {
    throw new IdxFormatError(
      file,
      `file is ${bytes.byteLength} bytes, too short for an IDX header`,
    );
  }
  const sizes: number[] = [];
  for (let d = 0; d < dims; d++) sizes.push(view.getUint32(4 + 4 * d, false));
  return sizes;
}

/**
 * Checks the data is exactly what the header's sizes promise, before any of it is used. The
 * product is a BigInt: three uint32 sizes can exceed 2^53, where a double would print 1.2e+24.
 */
function checkLength(bytes: Uint8Array, file: string, header: number, sizes: number[]): void {
  const body = bytes.byteLength - header;
  const expected = sizes.reduce((n, size) => n * BigInt(size), 1n);
  if (BigInt(body) !== expected) {
    throw new IdxFormatError(
      file,
      `header promises ${expected} data bytes but the file has ${body} (truncated or corrupt)`,
    );
  }
}

export function parseIdxImages(bytes: Uint8Array, file: string): IdxImages {
  const [count, rows, cols] = readHeader(bytes, file, IMAGES_MAGIC, 3);
  if (rows === 0 || cols === 0) throw new IdxFormatError(file, `image size ${rows}×${cols}`);
  checkLength(bytes, file, 16, [count, rows, cols]);
  return { count, rows, cols, pixels: bytes.subarray(16) };
}

export function parseIdxLabels(bytes: Uint8Array, file: string, numClasses = 10): IdxLabels {
  const [count] = readHeader(bytes, file, LABELS_MAGIC, 1);
  checkLength(bytes, file, 8, [count]);
  const labels = bytes.subarray(8);
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] >= numClasses) {
      throw new IdxFormatError(
        file,
        `label ${labels[i]} at index ${i} is not a class 0–${numClasses - 1}`,
      );
    }
  }
  return { count, labels };
}

/** Builds an IDX byte array (used by tests and tools that write small data sets). */
export function encodeIdx(
  magic: 'images' | 'labels',
  dims: number[],
  data: Uint8Array,
): Uint8Array {
  const header = 4 + 4 * dims.length;
  const out = new Uint8Array(header + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, magic === 'images' ? IMAGES_MAGIC : LABELS_MAGIC, false);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  out.set(data, header);
  return out;
}
