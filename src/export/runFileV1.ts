/**
 * A saved or exported run as one JSON file: versioned, and checked field by field before any of
 * it is used. `decodeRunFile` never throws: a file that is too big, not JSON, not a run, from a
 * newer version, or wrong in any field gives a sentence that names the file and the field, with
 * its words for the page's language (i18n/parts/messages.ts, `runFile`).
 */
import type {
  EvaluationPoint,
  LossPoint,
  MemberLatest,
  Roster,
  RosterEntry,
} from '../engine/protocol.ts';
import type { LayersModelFiles } from '../models/layersModelExport.ts';
import {
  englishWords,
  say,
  worded,
  type MessageKey,
  type WordedMessage,
  type Words,
  type WordValue,
} from '../engine/messageWords.ts';

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

/** A decoded run, or the refusal: its English, and its words for the page's language. */
export type DecodedRun = { ok: true; run: RunFileV1 } | ({ ok: false } & Required<WordedMessage>);

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

/** What is wrong with a field: a key of the run file's problems (is not text, is not a list…). */
type Problem =
  Extract<MessageKey, `runFile.problems.${string}`> extends `runFile.problems.${infer P}`
    ? P
    : never;

/** A field that is not what a run file holds there: its path and what is wrong with it. */
class Refused extends Error {
  constructor(
    readonly field: string,
    readonly problem: Words,
  ) {
    super(`its field "${field}" ${englishWords(problem)}`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function need(ok: boolean, field: string, problem: Problem, values?: Words['values']): void {
  if (!ok) throw new Refused(field, say(`runFile.problems.${problem}`, values));
}

function string(v: unknown, field: string): string {
  need(typeof v === 'string', field, 'notText');
  return v as string;
}

function finiteRecord(v: unknown, field: string, ids: ReadonlySet<string>): void {
  need(isObject(v), field, 'notObject');
  for (const [id, x] of Object.entries(v as object)) {
    need(ids.has(id), `${field}.${id}`, 'notMember');
    need(typeof x === 'number' && Number.isFinite(x), `${field}.${id}`, 'notFinite');
  }
}

function checkRoster(v: unknown): Set<string> {
  need(isObject(v), 'roster', 'notObject');
  const roster = v as Record<string, unknown>;
  need(Array.isArray(roster.members), 'roster.members', 'notList');
  const ids = new Set<string>();
  (roster.members as unknown[]).forEach((m, k) => {
    const at = `roster.members[${k}]`;
    need(isObject(m), at, 'notObject');
    const entry = m as Partial<RosterEntry>;
    const id = string(entry.id, `${at}.id`);
    string(entry.label, `${at}.label`);
    string(entry.color, `${at}.color`);
    need(entry.role === 'teacher' || entry.role === 'learner', `${at}.role`, 'notRole');
    need(!ids.has(id), `${at}.id`, 'repeats');
    ids.add(id);
  });
  return ids;
}

function checkCurves(run: Record<string, unknown>, ids: ReadonlySet<string>): void {
  need(Array.isArray(run.evaluations), 'evaluations', 'notList');
  (run.evaluations as unknown[]).forEach((p, k) => {
    const at = `evaluations[${k}]`;
    need(isObject(p), at, 'notObject');
    const point = p as Record<string, unknown>;
    need(
      typeof point.epoch === 'number' && Number.isFinite(point.epoch),
      `${at}.epoch`,
      'notFinite',
    );
    for (const key of ['accuracy', 'agreement', 'kl'])
      finiteRecord(point[key], `${at}.${key}`, ids);
  });
  need(Array.isArray(run.loss), 'loss', 'notList');
  (run.loss as unknown[]).forEach((p, k) => {
    const at = `loss[${k}]`;
    need(isObject(p), at, 'notObject');
    const point = p as Record<string, unknown>;
    need(
      typeof point.epoch === 'number' && Number.isFinite(point.epoch),
      `${at}.epoch`,
      'notFinite',
    );
    need(isObject(point.terms), `${at}.terms`, 'notObject');
    for (const [id, terms] of Object.entries(point.terms as object)) {
      need(ids.has(id), `${at}.terms.${id}`, 'notMember');
      need(isObject(terms), `${at}.terms.${id}`, 'notObject');
      for (const [name, x] of Object.entries(terms as object))
        need(typeof x === 'number' && !Number.isNaN(x), `${at}.terms.${id}.${name}`, 'notNumber');
    }
  });
  need(isObject(run.latest), 'latest', 'notObject');
  for (const [id, l] of Object.entries(run.latest as object)) {
    need(ids.has(id), `latest.${id}`, 'notMember');
    need(isObject(l), `latest.${id}`, 'notObject');
    for (const [key, x] of Object.entries(l as object))
      need(typeof x === 'number' && Number.isFinite(x), `latest.${id}.${key}`, 'notFinite');
  }
}

/** Bytes a float32 weights manifest describes. */
function manifestBytes(manifest: unknown, at: string): number {
  need(Array.isArray(manifest) && manifest.length === 1, at, 'notOneGroup');
  const group = (manifest as unknown[])[0];
  need(
    isObject(group) && Array.isArray((group as Record<string, unknown>).weights),
    `${at}[0].weights`,
    'notList',
  );
  let bytes = 0;
  for (const [k, w] of (group as { weights: unknown[] }).weights.entries()) {
    const shape = isObject(w) ? w.shape : undefined;
    need(
      Array.isArray(shape) && shape.every((d) => Number.isInteger(d) && d > 0 && d <= 100_000),
      `${at}[0].weights[${k}].shape`,
      'notSizes',
    );
    need(isObject(w) && w.dtype === 'float32', `${at}[0].weights[${k}].dtype`, 'notFloat32');
    bytes += 4 * (shape as number[]).reduce((a, b) => a * b, 1);
  }
  return bytes;
}

function checkLearners(v: unknown, ids: ReadonlySet<string>): void {
  need(Array.isArray(v), 'learners', 'notList');
  (v as unknown[]).forEach((l, k) => {
    const at = `learners[${k}]`;
    need(isObject(l), at, 'notObject');
    const learner = l as Record<string, unknown>;
    need(ids.has(string(learner.id, `${at}.id`)), `${at}.id`, 'notMember');
    string(learner.label, `${at}.label`);
    string(learner.weightsFile, `${at}.weightsFile`);
    need(isObject(learner.modelJson), `${at}.modelJson`, 'notObject');
    const expected = manifestBytes(
      (learner.modelJson as Record<string, unknown>).weightsManifest,
      `${at}.modelJson.weightsManifest`,
    );
    const b64 = string(learner.weightsBase64, `${at}.weightsBase64`);
    need(
      /^[A-Za-z0-9+/]*={0,2}$/.test(b64) && b64.length % 4 === 0,
      `${at}.weightsBase64`,
      'notBase64',
    );
    const bytes = (b64.length / 4) * 3 - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);
    need(bytes === expected, `${at}.weightsBase64`, 'bytes', { bytes, expected });
  });
}

function check(value: unknown): RunFileV1 {
  need(isObject(value), '(the whole file)', 'notObject');
  const run = value as Record<string, unknown>;
  string(run.savedAt, 'savedAt');
  string(run.name, 'name');
  string(run.query, 'query');
  const ids = checkRoster(run.roster);
  checkCurves(run, ids);
  checkLearners(run.learners, ids);
  return value as RunFileV1;
}

/**
 * A run file's content as a run, or why not. `fileName` names it in the refusal: a file's name,
 * or words (a stored run is 'the saved run' in the page's language).
 */
export function decodeRunFile(content: string | ArrayBuffer, fileName: WordValue): DecodedRun {
  const refuse = (key: MessageKey, values: Words['values'] = {}): DecodedRun => ({
    ok: false,
    ...worded(say(key, { file: fileName, ...values })),
  });
  const size = typeof content === 'string' ? content.length : content.byteLength;
  if (size > MAX_RUN_FILE_BYTES)
    return refuse('runFile.tooBig', {
      size: (size / 1e6).toFixed(1),
      limit: MAX_RUN_FILE_BYTES / 2 ** 20,
    });
  let value: unknown;
  try {
    const text =
      typeof content === 'string'
        ? content
        : new TextDecoder('utf-8', { fatal: true }).decode(content);
    value = JSON.parse(text);
  } catch {
    return refuse('runFile.notJson');
  }
  if (!isObject(value) || value.format !== RUN_FILE_FORMAT)
    return refuse('runFile.notFormat', { format: RUN_FILE_FORMAT });
  if (value.version !== 1)
    return typeof value.version === 'number' && value.version > 1
      ? refuse('runFile.newer', { version: value.version })
      : refuse('runFile.noVersion');
  try {
    return { ok: true, run: check(value) };
  } catch (e) {
    if (e instanceof Refused)
      return refuse('runFile.damaged', { field: e.field, problem: e.problem });
    throw e;
  }
}
