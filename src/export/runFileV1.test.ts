import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RosterEntry } from '../engine/protocol.ts';
import {
  decodeRunFile,
  encodeRunFile,
  MAX_RUN_FILE_BYTES,
  runFileName,
  type RunFileV1,
} from './runFileV1.ts';

const member = (id: string, role: RosterEntry['role']): RosterEntry => ({
  id,
  role,
  label: `${id} label`,
  color: '#123456',
  parameters: 1,
  architecture: '784-2-10',
  origin: role === 'teacher' ? 'pretrained' : 'distilled',
  lossTerms: [],
  teachers: [],
  trains: true,
  stage: 0,
  biasAdjustable: false,
});

/** A learner with a 2 × 3 kernel and 3 biases: 9 float32 = 36 bytes. */
const WEIGHTS = btoa(String.fromCharCode(...new Uint8Array(36).map((_, i) => i)));

const RUN: RunFileV1 = {
  format: 'kd-playground-run',
  version: 1,
  savedAt: '2026-12-03T10:00:00.000Z',
  name: 'The missing 3',
  query: 'preset=missing-3',
  roster: {
    runId: 3,
    members: [member('teacher', 'teacher'), member('distilled', 'learner')],
    transferSize: 10,
    transferDigits: [0, 1],
    transferLabels: true,
  },
  evaluations: [
    {
      epoch: 0.5,
      accuracy: { teacher: 0.99, distilled: 0.9 },
      agreement: { distilled: 0.91 },
      kl: { distilled: 0.2 },
    },
  ],
  loss: [{ epoch: 0.1, terms: { distilled: { hard: 0.3, soft: 1.2 } } }],
  latest: { teacher: { errors: 70 }, distilled: { errors: 113, agreement: 0.98, kl: 0.05 } },
  learners: [
    {
      id: 'distilled',
      label: 'distilled label',
      modelJson: {
        format: 'layers-model',
        generatedBy: 'test',
        convertedBy: null,
        modelTopology: {},
        weightsManifest: [
          {
            paths: ['distilled.weights.bin'],
            weights: [
              { name: 'k', shape: [2, 3], dtype: 'float32' },
              { name: 'b', shape: [3], dtype: 'float32' },
            ],
          },
        ],
      },
      weightsFile: 'distilled.weights.bin',
      weightsBase64: WEIGHTS,
    },
  ],
};

const TEXT = encodeRunFile(RUN);

describe('run files', () => {
  it('read back exactly what was written', () => {
    expect(decodeRunFile(TEXT, 'run.json')).toEqual({ ok: true, run: RUN });
    expect(decodeRunFile(new TextEncoder().encode(TEXT).buffer, 'run.json')).toEqual({
      ok: true,
      run: RUN,
    });
  });

  it('refuse, by name and with what to do, what is not a run file of this version', () => {
    expect(decodeRunFile('{"a":', 'x.json')).toMatchObject({
      ok: false,
      message:
        'x.json is not a KD Playground run file (it is not JSON text). Download a run from the page’s “Save & export” panel to get one.',
    });
    expect(decodeRunFile('{"format":"other"}', 'x.json').ok).toBe(false);
    expect(decodeRunFile(JSON.stringify({ ...RUN, version: 2 }), 'new.json')).toMatchObject({
      ok: false,
      message:
        'new.json was made by a newer KD Playground (run file version 2); open it there, or update this page.',
    });
  });

  it('name the damaged field', () => {
    const damaged = { ...RUN, latest: { ...RUN.latest, ghost: { errors: 1 } } };
    expect(decodeRunFile(JSON.stringify(damaged), 'r.json')).toMatchObject({
      ok: false,
      message: expect.stringContaining(
        'its field "latest.ghost" names no member of the roster',
      ) as string,
    });
    const short = { ...RUN, learners: [{ ...RUN.learners[0], weightsBase64: btoa('abc') }] };
    expect(decodeRunFile(JSON.stringify(short), 'r.json')).toMatchObject({
      ok: false,
      message: expect.stringContaining('holds 3 bytes where its manifest needs 36') as string,
    });
  });

  it('refuse a file above the size limit before parsing it', () => {
    const huge = { byteLength: MAX_RUN_FILE_BYTES + 1 } as ArrayBuffer;
    expect(decodeRunFile(huge, 'big.json')).toMatchObject({
      ok: false,
      message: expect.stringContaining('big.json is 67.1 MB') as string,
    });
  });

  it('give a safe file name', () => {
    expect(runFileName('The missing 3, T 20 (2026-12-03 10:00)')).toBe(
      'The-missing-3-T-20-2026-12-03-10-00.kd-run.json',
    );
    expect(runFileName('../../')).toBe('kd-playground-run.kd-run.json');
  });
});

describe('run files under fuzzing', () => {
  it('never throw on truncations and byte flips; a refusal names the file', () => {
    const bytes = new TextEncoder().encode(TEXT);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: bytes.length }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
        (cut, flips) => {
          const b = bytes.slice(0, cut);
          for (const [at, v] of flips) if (b.length > 0) b[at % b.length] = v;
          const result = decodeRunFile(b.buffer, 'fuzz.json');
          if (!result.ok) expect(result.message.startsWith('fuzz.json ')).toBe(true);
        },
      ),
      { seed: 20261203, numRuns: 1000 },
    );
  });

  it('never throw when any field is replaced by any JSON value', () => {
    const paths: string[][] = [];
    const walk = (v: unknown, path: string[]) => {
      paths.push(path);
      if (typeof v === 'object' && v !== null)
        for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(RUN, []);
    fc.assert(
      fc.property(
        fc.constantFrom(...paths.filter((p) => p.length > 0)),
        fc.jsonValue(),
        (path, value) => {
          const copy = JSON.parse(TEXT) as Record<string, unknown>;
          let at: Record<string, unknown> = copy;
          for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
          at[path[path.length - 1]] = value;
          const result = decodeRunFile(JSON.stringify(copy), 'field.json');
          if (!result.ok) expect(result.message.startsWith('field.json ')).toBe(true);
        },
      ),
      { seed: 20261204, numRuns: 1000 },
    );
  });
});
