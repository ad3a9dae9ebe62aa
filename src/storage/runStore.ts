/**
 * Saved runs in the browser's IndexedDB (through idb, a small promise wrapper). A record keeps
 * the run file's text (export/runFile.ts), so saving, exporting and importing share one format,
 * and a short summary for the list. Every failure comes back as a sentence for the page
 * (storage full, storage refused as in private browsing), and as the same sentence in words for
 * the page's language (engine/messageWords.ts); nothing here throws to the caller.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { say, worded, WordedError, wordsOf, type WordedMessage } from '../engine/messageWords.ts';

export interface SavedRunSummary {
  id: string;
  name: string;
  /** ISO time of the save. */
  savedAt: string;
  /** The settings query string of the run (its link). */
  query: string;
  /** Test errors by member label at the end, for the list. */
  errors: Record<string, number>;
  /** Characters of the stored file. */
  size: number;
}

interface SavedRunRecord extends SavedRunSummary {
  file: string;
}

interface RunsDb extends DBSchema {
  runs: { key: string; value: SavedRunRecord; indexes: { savedAt: string } };
}

const DB_NAME = 'kd-playground';
const DB_VERSION = 1;

/** A failure says what happened in English, and the same as words for the page's language. */
export type StoreResult<T> = { ok: true; value: T } | ({ ok: false } & Required<WordedMessage>);

/**
 * A storage failure as a message for the page: what happened, that nothing was lost, what to do
 * (the words are in i18n/parts/messages.ts, `storage`).
 */
export function storageFailure(e: unknown): Required<WordedMessage> {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  if (name === 'QuotaExceededError') return worded(say('storage.full'));
  if (name === 'SecurityError' || name === 'InvalidStateError' || name === 'NoIndexedDB')
    return worded(say('storage.refused'));
  const detail = wordsOf(e) ?? (e instanceof Error ? e.message : String(e));
  return worded(say('storage.failed', { detail }));
}

/** A run asked for by id that is not in the database (deleted in another tab). */
const gone = () => new WordedError(say('storage.gone'));

let opened: Promise<IDBPDatabase<RunsDb>> | null = null;

function db(): Promise<IDBPDatabase<RunsDb>> {
  if (typeof indexedDB === 'undefined') {
    const e = new Error('IndexedDB is not available.');
    e.name = 'NoIndexedDB';
    return Promise.reject(e);
  }
  opened ??= openDB<RunsDb>(DB_NAME, DB_VERSION, {
    upgrade(database) {
      database.createObjectStore('runs', { keyPath: 'id' }).createIndex('savedAt', 'savedAt');
    },
  }).catch((e: unknown) => {
    opened = null;
    throw e;
  });
  return opened;
}

async function attempt<T>(work: () => Promise<T>): Promise<StoreResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (e) {
    return { ok: false, ...storageFailure(e) };
  }
}

const summaryOf = (r: SavedRunRecord): SavedRunSummary => ({
  id: r.id,
  name: r.name,
  savedAt: r.savedAt,
  query: r.query,
  errors: r.errors,
  size: r.size,
});

const newId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Saved runs, newest first (summaries only: the files stay in the database). */
export function listRuns(): Promise<StoreResult<SavedRunSummary[]>> {
  return attempt(async () => {
    const all = await (await db()).getAllFromIndex('runs', 'savedAt');
    return all.reverse().map(summaryOf);
  });
}

export function saveRun(
  summary: Omit<SavedRunSummary, 'id' | 'size'>,
  file: string,
): Promise<StoreResult<SavedRunSummary>> {
  return attempt(async () => {
    const record: SavedRunRecord = { ...summary, id: newId(), size: file.length, file };
    await (await db()).put('runs', record);
    return summaryOf(record);
  });
}

/** The stored run file's text. */
export function loadRunFile(id: string): Promise<StoreResult<string>> {
  return attempt(async () => {
    const record = await (await db()).get('runs', id);
    if (!record) throw gone();
    return record.file;
  });
}

export function renameRun(id: string, name: string): Promise<StoreResult<void>> {
  return attempt(async () => {
    const database = await db();
    const record = await database.get('runs', id);
    if (!record) throw gone();
    await database.put('runs', { ...record, name });
  });
}

export function deleteRun(id: string): Promise<StoreResult<void>> {
  return attempt(async () => (await db()).delete('runs', id));
}

/** For tests: forget the open connection (a fresh IndexedDB factory). */
export function resetRunStoreForTests(): void {
  opened = null;
}
