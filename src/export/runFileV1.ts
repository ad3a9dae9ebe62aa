/**
 * A saved or exported run as one JSON file: versioned, and checked field by field before any of
 * it is used. `decodeRunFile` never throws: a file that is too big, not JSON, not a run, from a
 * newer version, or wrong in any field gives a sentence that names the file and the field.
 */
import type {
  EvaluationPoint,
  LossPoint,
  MemberLatest,
  Roster,
  RosterEntry,
} from '../engine/protocol.ts';
import type { LayersModelFiles } from '../models/layersModelExport.ts';

export const RUN_FILE_FORMAT = 'kd-playground-run';

/**
 * The largest run file read: the biggest roster (six learners of 800-800, 5.1 MB of float32
 * weights each, base64 a third more) with its curves fits in about 45 MB.
 */
export const MAX_RUN_FILE_BYTES = 64 * 1024 * 1024;

export interface SavedLearner {
  id: string;
  label: string;
  modelJson: LayersModelFiles['modelJson'];
  weightsFile: string;
  /** The weights file's bytes (float32), base64. */
  weightsBase64: string;
}

export interface RunFileV1 {
  format: typeof RUN_FILE_FORMAT;
  version: 1;
  savedAt: string;
  name: string;
  /** The settings' query string: the run's link. */
  query: string;
  roster: Roster;
  evaluations: EvaluationPoint[];
  loss: LossPoint[];
  latest: Record<string, MemberLatest>;
  learners: SavedLearner[];
}

export type DecodedRun = { ok: true; run: RunFileV1 } | { ok: false; message: string };

export function encodeRunFile(run: RunFileV1): string {
  return JSON.stringify(run);
}

/** A file name for a run: its name, safe on every system, and .kd-run.json. */
export function runFileName(name: string): string {
  const safe = name
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return `${safe || 'kd-playground-run'}.kd-run.json`;
}

class Refused extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function need(ok: boolean, field: string, what: string): void {
  if (!ok) throw new Refused(`its field "${field}" ${what}`);
}

function string(v: unknown, field: string): string {
  need(typeof v === 'string', field, 'is not text');
  return v as string;
}

function finiteRecord(v: unknown, field: string, ids: ReadonlySet<string>): void {
  need(isObject(v), field, 'is not an object');
  for (const [id, x] of Object.entries(v as object)) {
    need(ids.has(id), `${field}.${id}`, 'names no member of the roster');
    need(typeof x === 'number' && Number.isFinite(x), `${field}.${id}`, 'is not a finite number');
  }
}

function checkRoster(v: unknown): Set<string> {
  need(isObject(v), 'roster', 'is not an object');
  const roster = v as Record<string, unknown>;
  need(Array.isArray(roster.members), 'roster.members', 'is not a list');
  const ids = new Set<string>();
  (roster.members as unknown[]).forEach((m, k) => {
    const at = `roster.members[${k}]`;
    need(isObject(m), at, 'is not an object');
    const entry = m as Partial<RosterEntry>;
    const id = string(entry.id, `${at}.id`);
    string(entry.label, `${at}.label`);
    string(entry.color, `${at}.color`);
    need(
      entry.role === 'teacher' || entry.role === 'learner',
      `${at}.role`,
      'is not teacher or learner',
    );
    need(!ids.has(id), `${at}.id`, 'repeats another member');
    ids.add(id);
  });
  return ids;
}

function checkCurves(run: Record<string, unknown>, ids: ReadonlySet<string>): void {
  need(Array.isArray(run.evaluations), 'evaluations', 'is not a list');
  (run.evaluations as unknown[]).forEach((p, k) => {
    const at = `evaluations[${k}]`;
    need(isObject(p), at, 'is not an object');
    const point = p as Record<string, unknown>;
    need(
      typeof point.epoch === 'number' && Number.isFinite(point.epoch),
      `${at}.epoch`,
      'is not a finite number',
    );
    for (const key of ['accuracy', 'agreement', 'kl'])
      finiteRecord(point[key], `${at}.${key}`, ids);
  });
  need(Array.isArray(run.loss), 'loss', 'is not a list');
  (run.loss as unknown[]).forEach((p, k) => {
    const at = `loss[${k}]`;
    need(isObject(p), at, 'is not an object');
    const point = p as Record<string, unknown>;
    need(
      typeof point.epoch === 'number' && Number.isFinite(point.epoch),
      `${at}.epoch`,
      'is not a finite number',
    );
    need(isObject(point.terms), `${at}.terms`, 'is not an object');
    for (const [id, terms] of Object.entries(point.terms as object)) {
      need(ids.has(id), `${at}.terms.${id}`, 'names no member of the roster');
      need(isObject(terms), `${at}.terms.${id}`, 'is not an object');
      for (const [name, x] of Object.entries(terms as object))
        need(
          typeof x === 'number' && !Number.isNaN(x),
          `${at}.terms.${id}.${name}`,
          'is not a number',
        );
    }
  });
  need(isObject(run.latest), 'latest', 'is not an object');
  for (const [id, l] of Object.entries(run.latest as object)) {
    need(ids.has(id), `latest.${id}`, 'names no member of the roster');
    need(isObject(l), `latest.${id}`, 'is not an object');
    for (const [key, x] of Object.entries(l as object))
      need(
        typeof x === 'number' && Number.isFinite(x),
        `latest.${id}.${key}`,
        'is not a finite number',
      );
  }
}

/** Bytes a float32 weights manifest describes. */
function manifestBytes(manifest: unknown, at: string): number {
  need(Array.isArray(manifest) && manifest.length === 1, at, 'is not a list of one weights group');
  const group = (manifest as unknown[])[0];
  need(
    isObject(group) && Array.isArray((group as Record<string, unknown>).weights),
    `${at}[0].weights`,
    'is not a list',
  );
  let bytes = 0;
  for (const [k, w] of (group as { weights: unknown[] }).weights.entries()) {
    const shape = isObject(w) ? w.shape : undefined;
    need(
      Array.isArray(shape) && shape.every((d) => Number.isInteger(d) && d > 0 && d <= 100_000),
      `${at}[0].weights[${k}].shape`,
      'is not a list of sizes',
    );
    need(isObject(w) && w.dtype === 'float32', `${at}[0].weights[${k}].dtype`, 'is not float32');
    bytes += 4 * (shape as number[]).reduce((a, b) => a * b, 1);
  }
  return bytes;
}

function checkLearners(v: unknown, ids: ReadonlySet<string>): void {
  need(Array.isArray(v), 'learners', 'is not a list');
  (v as unknown[]).forEach((l, k) => {
    const at = `learners[${k}]`;
    need(isObject(l), at, 'is not an object');
    const learner = l as Record<string, unknown>;
    need(ids.has(string(learner.id, `${at}.id`)), `${at}.id`, 'names no member of the roster');
    string(learner.label, `${at}.label`);
    string(learner.weightsFile, `${at}.weightsFile`);
    need(isObject(learner.modelJson), `${at}.modelJson`, 'is not an object');
    const expected = manifestBytes(
      (learner.modelJson as Record<string, unknown>).weightsManifest,
      `${at}.modelJson.weightsManifest`,
    );
    const b64 = string(learner.weightsBase64, `${at}.weightsBase64`);
    need(
      /^[A-Za-z0-9+/]*={0,2}$/.test(b64) && b64.length % 4 === 0,
      `${at}.weightsBase64`,
      'is not base64',
    );
    const bytes = (b64.length / 4) * 3 - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);
    need(
      bytes === expected,
      `${at}.weightsBase64`,
      `holds ${bytes} bytes where its manifest needs ${expected}`,
    );
  });
}

function check(value: unknown): RunFileV1 {
  need(isObject(value), '(the whole file)', 'is not an object');
  const run = value as Record<string, unknown>;
  string(run.savedAt, 'savedAt');
  string(run.name, 'name');
  string(run.query, 'query');
  const ids = checkRoster(run.roster);
  checkCurves(run, ids);
  checkLearners(run.learners, ids);
  return value as RunFileV1;
}

const HOW_TO_GET_ONE = 'Download a run from the page’s “Save & export” panel to get one.';

export function decodeRunFile(content: string | ArrayBuffer, fileName: string): DecodedRun {
  const size = typeof content === 'string' ? content.length : content.byteLength;
  if (size > MAX_RUN_FILE_BYTES)
    return {
      ok: false,
      message: `${fileName} is ${(size / 1e6).toFixed(1)} MB, more than a run file can be (${MAX_RUN_FILE_BYTES / 2 ** 20} MiB); it was not read.`,
    };
  let value: unknown;
  try {
    const text =
      typeof content === 'string'
        ? content
        : new TextDecoder('utf-8', { fatal: true }).decode(content);
    value = JSON.parse(text);
  } catch {
    return {
      ok: false,
      message: `${fileName} is not a KD Playground run file (it is not JSON text). ${HOW_TO_GET_ONE}`,
    };
  }
  if (!isObject(value) || value.format !== RUN_FILE_FORMAT)
    return {
      ok: false,
      message: `${fileName} is not a KD Playground run file (its "format" is not "${RUN_FILE_FORMAT}"). ${HOW_TO_GET_ONE}`,
    };
  if (value.version !== 1)
    return {
      ok: false,
      message:
        typeof value.version === 'number' && value.version > 1
          ? `${fileName} was made by a newer KD Playground (run file version ${value.version}); open it there, or update this page.`
          : `${fileName} has no valid run file version. ${HOW_TO_GET_ONE}`,
    };
  try {
    return { ok: true, run: check(value) };
  } catch (e) {
    if (e instanceof Refused)
      return { ok: false, message: `${fileName} is damaged: ${e.message}. ${HOW_TO_GET_ONE}` };
    throw e;
  }
}
