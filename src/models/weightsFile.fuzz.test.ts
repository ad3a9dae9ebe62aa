/**
 * Property-based fuzzing of the weights file (fast-check): a valid file of a small MLP, made by
 * our own encoder, then truncated, flipped, extended, or given a garbage JSON manifest. Loading it
 * must either succeed with finite weights or throw a plain Error that says what is wrong, leave
 * the model as it was, and leak no tensor.
 */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mlp } from './mlp.ts';
import { createMlp, disposeMlp } from './mlp.ts';
import type { MlpWeightsJson, WeightStorage } from './weightsFile.ts';
import { assignMlpWeights, encodeMlpWeights } from './weightsFile.ts';

const RUNS = 1000;
const SIZES = [6, 5, 3];

let source: Mlp;
let target: Mlp;
const files = {} as Record<WeightStorage, { json: MlpWeightsJson; bin: Uint8Array }>;

beforeAll(async () => {
  await tf.setBackend('cpu');
  source = createMlp('source', SIZES, 11);
  target = createMlp('target', SIZES, 99);
  files.float16 = encodeMlpWeights(source, 'a.bin', 'float16');
  files.uint8 = encodeMlpWeights(source, 'a.bin', 'uint8');
});

afterAll(() => {
  disposeMlp(source);
  disposeMlp(target);
});

function snapshot(mlp: Mlp): Float32Array[] {
  return [...mlp.kernels, ...mlp.biases].map((v) => v.dataSync().slice() as Float32Array);
}

function restore(mlp: Mlp, values: Float32Array[]): void {
  tf.tidy(() =>
    [...mlp.kernels, ...mlp.biases].forEach((v, i) => v.assign(tf.tensor(values[i], v.shape))),
  );
}

type Outcome = { ok: true } | { ok: false; error: unknown };

/**
 * Loads `json`/`bin` into the target and checks what any outcome must satisfy: a plain Error
 * with a message, the target unchanged on failure and finite on success, no tensor leaked.
 */
function load(json: unknown, bin: ArrayBuffer): Outcome {
  const before = snapshot(target);
  const tensors = tf.memory().numTensors;
  let outcome: Outcome;
  try {
    assignMlpWeights(target, json as MlpWeightsJson, bin);
    outcome = { ok: true };
  } catch (error) {
    outcome = { ok: false, error };
  }
  expect(tf.memory().numTensors, 'tensors leaked').toBe(tensors);
  const after = snapshot(target);
  if (outcome.ok) {
    for (const values of after) expect(values.every(Number.isFinite)).toBe(true);
  } else {
    const { error } = outcome;
    expect(error).toBeInstanceOf(Error);
    expect(error, String(error)).not.toBeInstanceOf(TypeError);
    expect(error, String(error)).not.toBeInstanceOf(RangeError);
    expect((error as Error).message.length).toBeGreaterThan(10);
    expect((error as Error).message.length).toBeLessThanOrEqual(200);
    // A failed load leaves the model as it was, not half overwritten.
    expect(after).toEqual(before);
  }
  restore(target, before);
  return outcome;
}

const storage = fc.constantFrom<WeightStorage>('float16', 'uint8');

/** A copy of the valid bin as an ArrayBuffer of its own. */
function binOf(kind: WeightStorage): Uint8Array<ArrayBuffer> {
  return new Uint8Array(files[kind].bin);
}

function jsonOf(kind: WeightStorage): MlpWeightsJson {
  return structuredClone(files[kind].json);
}

const flips = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
  minLength: 1,
  maxLength: 8,
});

describe('assignMlpWeights under fuzzing: the binary file', () => {
  it('loads the valid file: the target then holds the source’s weights, to the storage’s step', () => {
    const before = snapshot(target);
    const wanted = snapshot(source);
    for (const kind of ['float16', 'uint8'] as const) {
      restore(target, before);
      assignMlpWeights(target, jsonOf(kind), binOf(kind).buffer);
      snapshot(target).forEach((values, t) =>
        values.forEach((v, i) => expect(Math.abs(v - wanted[t][i])).toBeLessThan(0.005)),
      );
    }
    restore(target, before);
  });

  it('refuses a truncated or extended file, naming the byte counts', () => {
    fc.assert(
      fc.property(storage, fc.nat(), fc.uint8Array({ maxLength: 32 }), (kind, cut, extra) => {
        const bin = binOf(kind);
        const keep = cut % (bin.length + 1);
        const mutated = new Uint8Array(keep + extra.length);
        mutated.set(bin.subarray(0, keep));
        mutated.set(extra, keep);
        const outcome = load(jsonOf(kind), mutated.buffer);
        if (mutated.length === bin.length) return;
        expect(outcome.ok).toBe(false);
        if (!outcome.ok) {
          expect((outcome.error as Error).message).toMatch(
            new RegExp(`${mutated.length} bytes, expected ${bin.length}.*truncated or corrupt`),
          );
        }
      }),
      { seed: 31001, numRuns: RUNS },
    );
  });

  it('loads a file with flipped bytes as finite weights, or says it holds NaN or Infinity', () => {
    fc.assert(
      fc.property(storage, flips, (kind, changes) => {
        const bin = binOf(kind);
        for (const [at, byte] of changes) bin[at % bin.length] = byte;
        const outcome = load(jsonOf(kind), bin.buffer);
        if (kind === 'uint8') expect(outcome.ok).toBe(true); // every byte is a valid level
        if (!outcome.ok) expect((outcome.error as Error).message).toMatch(/NaN or Infinity/);
      }),
      { seed: 31002, numRuns: RUNS },
    );
  });
});

/** Paths into the manifest that a fuzzer may delete or overwrite. */
function manifestPaths(json: MlpWeightsJson): (string | number)[][] {
  const paths: (string | number)[][] = [
    [],
    ['format'],
    ['name'],
    ['sizes'],
    ['sizes', 0],
    ['weightsManifest'],
    ['weightsManifest', 0],
    ['weightsManifest', 0, 'paths'],
    ['weightsManifest', 0, 'weights'],
  ];
  json.weightsManifest[0].weights.forEach((entry, i) => {
    const at = ['weightsManifest', 0, 'weights', i];
    paths.push(at, [...at, 'name'], [...at, 'shape'], [...at, 'shape', 0], [...at, 'dtype']);
    if (entry.quantization) {
      paths.push([...at, 'quantization'], [...at, 'quantization', 'dtype']);
      if (entry.quantization.dtype === 'uint8') {
        paths.push([...at, 'quantization', 'min'], [...at, 'quantization', 'scale']);
      }
    }
  });
  return paths;
}

type Edit = { kind: 'delete'; path: number } | { kind: 'set'; path: number; value: unknown };

/**
 * Applies `edit` to a copy of `json` at one of the paths of the valid manifest `valid`; the root
 * path replaces the whole manifest. A path that earlier edits destroyed leaves `json` as it is.
 */
function edited(valid: MlpWeightsJson, json: unknown, edit: Edit): unknown {
  const paths = manifestPaths(valid);
  const path = paths[edit.path % paths.length];
  if (path.length === 0) return edit.kind === 'set' ? edit.value : undefined;
  const copy = structuredClone(json);
  let node: unknown = copy;
  for (const step of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return copy;
    node = (node as Record<string | number, unknown>)[step];
  }
  if (typeof node !== 'object' || node === null) return copy;
  const parent = node as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (edit.kind === 'delete') delete parent[last];
  else parent[last] = edit.value;
  return copy;
}

/** Shapes meant to fool a byte count: huge, negative, fractional, NaN, not numbers at all. */
const nastyShape = fc.oneof(
  fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 32 }), { maxLength: 4 }),
  fc.constantFrom(
    [2 ** 31],
    [2 ** 31, 2 ** 31],
    [2 ** 53, 2 ** 53],
    [1e308, 1e308],
    [-6, -5],
    [-1, -30],
    [0.5, 60],
    [12.5, 2.4],
    [30, 1, 1],
    [1, 1, 1, 1, 30],
    [5, 6],
    [3, 5],
    [15],
    [1, 3],
    [5],
    [],
    [0],
    [1e10, 0],
    [Number.NaN],
    [Number.POSITIVE_INFINITY, 0],
    ['6', '5'],
    [null],
    '6,5',
    { length: 2, 0: 6, 1: 5 },
  ),
);

const garbage = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    ...[null, undefined, 0, '', [], {}, 'float16', 'uint8', 'int8', 'string', 'bool'],
    ...['constructor', 'toString', '__proto__', 'x'.repeat(10_000)],
  ),
  nastyShape,
);

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), path: fc.nat() }),
  fc.record({ kind: fc.constant('set' as const), path: fc.nat(), value: garbage }),
);

describe('assignMlpWeights under fuzzing: the JSON manifest', () => {
  it('refuses a file made for another network, naming both', () => {
    const other = createMlp('other', [6, 4, 3], 5);
    const file = encodeMlpWeights(other, 'a.bin');
    disposeMlp(other);
    const outcome = load(file.json, new Uint8Array(file.bin).buffer);
    expect(!outcome.ok && (outcome.error as Error).message).toBe(
      'weights are for a 6-4-3 network, not 6-5-3',
    );
  });

  it('refuses any JSON value that is not a manifest with a plain Error', () => {
    fc.assert(
      fc.property(storage, fc.jsonValue(), (kind, value) => {
        load(value, binOf(kind).buffer);
      }),
      { seed: 31003, numRuns: RUNS },
    );
  });

  it('survives missing fields, wrong types and huge or negative shapes', () => {
    fc.assert(
      fc.property(storage, fc.array(edit, { minLength: 1, maxLength: 3 }), (kind, edits) => {
        const valid = jsonOf(kind);
        const json = edits.reduce<unknown>((j, e) => edited(valid, j, e), valid);
        load(json, binOf(kind).buffer);
      }),
      { seed: 31004, numRuns: RUNS },
    );
  });

  it('refuses a shape that only matches the byte count by trickery', () => {
    fc.assert(
      fc.property(storage, fc.nat(), nastyShape, (kind, entry, shape) => {
        const json = jsonOf(kind);
        const weights = json.weightsManifest[0].weights;
        const spec = weights[entry % weights.length];
        const honest = spec.shape;
        (spec as { shape: unknown }).shape = shape;
        const outcome = load(json, binOf(kind).buffer);
        if (!outcome.ok)
          expect((outcome.error as Error).message).not.toMatch(/expected [\d.]+e\+|expected NaN/);
        if (
          !outcome.ok ||
          (Array.isArray(shape) &&
            shape.length === honest.length &&
            shape.every((d, i) => d === honest[i]))
        )
          return;
        throw new Error(`loaded with shape ${JSON.stringify(shape)} instead of [${honest}]`);
      }),
      { seed: 31005, numRuns: RUNS },
    );
  });

  it('refuses duplicated or renamed entries without leaking their tensors', () => {
    fc.assert(
      fc.property(storage, fc.nat(), fc.nat(), (kind, from, to) => {
        const json = jsonOf(kind);
        const weights = json.weightsManifest[0].weights;
        const a = from % weights.length;
        const b = to % weights.length;
        if (a === b) return;
        weights[b] = { ...weights[b], name: weights[a].name };
        const outcome = load(json, binOf(kind).buffer);
        expect(outcome.ok).toBe(false);
      }),
      { seed: 31006, numRuns: RUNS },
    );
  });
});
