/**
 * Property-based fuzzing of the IDX parsers and of parseSplit (fast-check): valid small files,
 * then truncated, flipped, extended, given absurd headers, or replaced by a web page. Parsing must
 * succeed with output that matches the bytes, or throw an IdxFormatError / DataAssetError that
 * names the file and what is wrong; never a TypeError, RangeError or a non-Error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeIdx, IdxFormatError, parseIdxImages, parseIdxLabels } from './idx.ts';
import { DataAssetError, parseSplit } from './loadMnist.ts';
import { IMAGE_SIZE, MNIST_ASSETS, REBUILD_DATA_COMMAND } from './mnistAssets.ts';

const RUNS = 1000;
const { images: IMAGES_FILE, labels: LABELS_FILE } = MNIST_ASSETS.test;

/** What an IDX error may say; each names a concrete fault. */
const IDX_FAULT =
  /magic number|too short for an IDX header|header promises \d+ data bytes but the file has \d+ \(truncated or corrupt\)|image size|is not a class|web page/;

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; changes: [number, number][] }
  | { kind: 'extend'; extra: Uint8Array }
  | { kind: 'header'; field: number; value: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('flip' as const),
    changes: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
      minLength: 1,
      maxLength: 6,
    }),
  }),
  fc.record({
    kind: fc.constant('extend' as const),
    extra: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  }),
  fc.record({
    kind: fc.constant('header' as const),
    field: fc.nat({ max: 3 }),
    value: fc.oneof(
      fc.constantFrom(0, 1, 28, 2 ** 31, 2 ** 32 - 1, 0x803, 0x801),
      fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    ),
  }),
);

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  switch (m.kind) {
    case 'truncate':
      return bytes.slice(0, m.at % (bytes.length + 1));
    case 'flip': {
      const out = bytes.slice();
      for (const [at, value] of m.changes) if (out.length > 0) out[at % out.length] = value;
      return out;
    }
    case 'extend': {
      const out = new Uint8Array(bytes.length + m.extra.length);
      out.set(bytes);
      out.set(m.extra, bytes.length);
      return out;
    }
    case 'header': {
      const out = bytes.slice();
      if (out.length >= 4 * m.field + 4) {
        new DataView(out.buffer).setUint32(4 * m.field, m.value, false);
      }
      return out;
    }
  }
}

/** Runs `parse`; on failure checks the error is ours, names `file` and says what is wrong. */
function attempt<T>(parse: () => T, file: string): T | undefined {
  try {
    return parse();
  } catch (e) {
    expect(e).toBeInstanceOf(IdxFormatError);
    const error = e as IdxFormatError;
    expect(error.file).toBe(file);
    expect(error.message.startsWith(`${file}: `), error.message).toBe(true);
    expect(error.message).toMatch(IDX_FAULT);
    return undefined;
  }
}

/** The magic number, then the `dims` sizes. */
function header(bytes: Uint8Array, dims: number): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: dims + 1 }, (_, d) => view.getUint32(4 * d, false));
}

const smallImages = fc
  .record({
    count: fc.nat({ max: 4 }),
    rows: fc.integer({ min: 1, max: 5 }),
    cols: fc.integer({ min: 1, max: 5 }),
  })
  .chain(({ count, rows, cols }) =>
    fc
      .uint8Array({ minLength: count * rows * cols, maxLength: count * rows * cols })
      .map((pixels) => encodeIdx('images', [count, rows, cols], pixels)),
  );

const smallLabels = fc
  .array(fc.integer({ min: 0, max: 9 }), { maxLength: 12 })
  .map((labels) => encodeIdx('labels', [labels.length], Uint8Array.from(labels)));

/** Anything a server might send: valid files, mutated ones, random bytes, web pages. */
function damaged(valid: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    { arbitrary: valid, weight: 1 },
    {
      arbitrary: fc
        .tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 }))
        .map(([bytes, ms]) => ms.reduce(mutate, bytes)),
      weight: 6,
    },
    { arbitrary: fc.uint8Array({ maxLength: 100 }), weight: 1 },
  );
}

describe('parseIdxImages under fuzzing', () => {
  it('gives images that match the bytes, or an error that names the file and the fault', () => {
    fc.assert(
      fc.property(damaged(smallImages), (bytes) => {
        const images = attempt(() => parseIdxImages(bytes, IMAGES_FILE), IMAGES_FILE);
        if (images === undefined) return;
        expect([0x803, images.count, images.rows, images.cols]).toEqual(header(bytes, 3));
        expect(images.rows * images.cols).toBeGreaterThan(0);
        expect(images.pixels.length).toBe(images.count * images.rows * images.cols);
        expect(images.pixels.length).toBe(bytes.length - 16);
        // A view on the input, not a copy sized by the header.
        expect(images.pixels.buffer).toBe(bytes.buffer);
      }),
      { seed: 41001, numRuns: RUNS },
    );
  });

  it('refuses a header that promises far more data than the file has, without allocating it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2 ** 20, max: 2 ** 32 - 1 }),
        fc.integer({ min: 1, max: 2 ** 32 - 1 }),
        fc.integer({ min: 1, max: 2 ** 32 - 1 }),
        fc.uint8Array({ maxLength: 84 }),
        (count, rows, cols, body) => {
          const bytes = encodeIdx('images', [count, rows, cols], body);
          expect(bytes.length).toBeLessThanOrEqual(100);
          expect(() => parseIdxImages(bytes, IMAGES_FILE)).toThrow(
            new RegExp(
              `promises ${BigInt(count) * BigInt(rows) * BigInt(cols)} data bytes but the file has ${body.length} \\(truncated`,
            ),
          );
        },
      ),
      { seed: 41002, numRuns: RUNS },
    );
  });
});

describe('parseIdxLabels under fuzzing', () => {
  it('gives labels 0–9 that match the bytes, or an error that names the file and the fault', () => {
    fc.assert(
      fc.property(damaged(smallLabels), (bytes) => {
        const labels = attempt(() => parseIdxLabels(bytes, LABELS_FILE), LABELS_FILE);
        if (labels === undefined) return;
        expect([0x801, labels.count]).toEqual(header(bytes, 1));
        expect(labels.labels.length).toBe(labels.count);
        expect(labels.labels.length).toBe(bytes.length - 8);
        expect(labels.labels.every((l) => l <= 9)).toBe(true);
        expect(labels.labels.buffer).toBe(bytes.buffer);
      }),
      { seed: 41003, numRuns: RUNS },
    );
  });
});

const HTML_STARTS = [
  '<!doctype html>',
  '<!DOCTYPE html>',
  '<html lang="en">',
  '\uFEFF<!doctype html>',
  '  \r\n<!doctype html>',
  '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code>',
];

const webPage = fc
  .tuple(fc.constantFrom(...HTML_STARTS), fc.string({ unit: 'grapheme', maxLength: 300 }))
  .map(([start, rest]) => new TextEncoder().encode(start + rest));

describe('a web page served in place of an IDX file', () => {
  it('is reported as a web page, not as a bad magic number, whatever follows the doctype', () => {
    fc.assert(
      fc.property(webPage, fc.boolean(), (bytes, asImages) => {
        const file = asImages ? IMAGES_FILE : LABELS_FILE;
        const parse = () => (asImages ? parseIdxImages(bytes, file) : parseIdxLabels(bytes, file));
        expect(parse).toThrow(IdxFormatError);
        expect(parse).toThrow(/web page \(HTML\) instead of the data file/);
        expect(parse).not.toThrow(/magic/);
      }),
      { seed: 41004, numRuns: RUNS },
    );
  });

  it('gives parseSplit a message that names the file, says it is missing and how to rebuild it', () => {
    const page = new TextEncoder().encode(
      '<!doctype html>\n<html><head><title>KD Playground</title></head><body><div id="root"></div></body></html>',
    );
    const labels = encodeIdx('labels', [1], Uint8Array.of(7));
    expect(() => parseSplit(IMAGES_FILE, page, LABELS_FILE, labels, 1)).toThrow(
      new DataAssetError(
        IMAGES_FILE,
        'the server returned a web page (HTML) instead of the data file; the file is probably missing',
      ),
    );
    expect(() => parseSplit(IMAGES_FILE, page, LABELS_FILE, labels, 1)).toThrow(
      `Could not load the MNIST file ${IMAGES_FILE}: the server returned a web page (HTML) instead of the data file; the file is probably missing. Rebuild the data with \`${REBUILD_DATA_COMMAND}\`.`,
    );
  });

  it('still reports a real wrong magic number as one', () => {
    const labels = encodeIdx('labels', [1], Uint8Array.of(7));
    expect(() => parseIdxImages(labels, LABELS_FILE)).toThrow(
      `${LABELS_FILE}: magic number is 0x00000801, expected 0x00000803`,
    );
  });
});

const SPLIT_COUNT = 3;

const validSplit = fc
  .tuple(
    fc.uint8Array({ minLength: SPLIT_COUNT * IMAGE_SIZE, maxLength: SPLIT_COUNT * IMAGE_SIZE }),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: SPLIT_COUNT, maxLength: SPLIT_COUNT }),
  )
  .map(([pixels, labels]) => ({
    images: encodeIdx('images', [SPLIT_COUNT, 28, 28], pixels),
    labels: encodeIdx('labels', [SPLIT_COUNT], Uint8Array.from(labels)),
  }));

describe('parseSplit under fuzzing', () => {
  it('gives a consistent split, or a DataAssetError naming the file and the rebuild command', () => {
    fc.assert(
      fc.property(
        validSplit,
        fc.array(mutation, { maxLength: 2 }),
        fc.array(mutation, { maxLength: 2 }),
        (split, onImages, onLabels) => {
          const images = onImages.reduce(mutate, split.images);
          const labels = onLabels.reduce(mutate, split.labels);
          let result;
          try {
            result = parseSplit(IMAGES_FILE, images, LABELS_FILE, labels, SPLIT_COUNT);
          } catch (e) {
            expect(e).toBeInstanceOf(DataAssetError);
            const error = e as DataAssetError;
            expect([IMAGES_FILE, LABELS_FILE]).toContain(error.file);
            expect(error.message).toContain(`Could not load the MNIST file ${error.file}: `);
            expect(error.message).toContain(REBUILD_DATA_COMMAND);
            expect(error.message).not.toContain(`${error.file}: ${error.file}`);
            return;
          }
          expect(result.count).toBe(SPLIT_COUNT);
          expect(result.images.length).toBe(SPLIT_COUNT * IMAGE_SIZE);
          expect(result.labels.length).toBe(SPLIT_COUNT);
          expect(result.labels.every((l) => l <= 9)).toBe(true);
        },
      ),
      { seed: 41005, numRuns: RUNS },
    );
  });

  it('refuses well-formed files of the wrong image size, image count or label count', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 5 }),
        fc.constantFrom(14, 27, 28, 56),
        fc.constantFrom(14, 28, 29),
        fc.nat({ max: 5 }),
        (count, rows, cols, labelCount) => {
          const images = encodeIdx(
            'images',
            [count, rows, cols],
            new Uint8Array(count * rows * cols),
          );
          const labels = encodeIdx('labels', [labelCount], new Uint8Array(labelCount));
          const parse = () => parseSplit(IMAGES_FILE, images, LABELS_FILE, labels, SPLIT_COUNT);
          if (rows !== 28 || cols !== 28) {
            expect(parse).toThrow(`${IMAGES_FILE}: images are ${rows}×${cols}, expected 28×28`);
          } else if (count !== SPLIT_COUNT) {
            expect(parse).toThrow(`${IMAGES_FILE}: ${count} images, expected ${SPLIT_COUNT}`);
          } else if (labelCount !== count) {
            expect(parse).toThrow(`${LABELS_FILE}: ${labelCount} labels for ${count} images`);
          } else {
            expect(parse().count).toBe(SPLIT_COUNT);
          }
        },
      ),
      { seed: 41006, numRuns: 200 },
    );
  });
});
