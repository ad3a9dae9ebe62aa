import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  deleteRun,
  listRuns,
  loadRunFile,
  renameRun,
  resetRunStoreForTests,
  saveRun,
  storageFailure,
} from './runStore.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetRunStoreForTests();
});

const summary = (name: string, savedAt: string) => ({
  name,
  savedAt,
  query: 'preset=missing-3',
  errors: { 'distilled student': 113, 'control student': 218 },
});

describe('saved runs in IndexedDB', () => {
  it('saves, lists newest first, loads, renames and deletes', async () => {
    const a = await saveRun(summary('first', '2026-12-01T10:00:00.000Z'), '{"a":1}');
    const b = await saveRun(summary('second', '2026-12-02T10:00:00.000Z'), '{"b":22}');
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(b.value.size).toBe(8);
    const list = await listRuns();
    expect(list.ok && list.value.map((r) => r.name)).toEqual(['second', 'first']);
    expect(await loadRunFile(a.value.id)).toEqual({ ok: true, value: '{"a":1}' });
    await renameRun(a.value.id, 'renamed');
    await deleteRun(b.value.id);
    const after = await listRuns();
    expect(after.ok && after.value.map((r) => r.name)).toEqual(['renamed']);
    const gone = await loadRunFile(b.value.id);
    expect(gone.ok).toBe(false);
  });

  it('turns a missing IndexedDB (private mode) into a sentence, without throwing', async () => {
    // @ts-expect-error: the browser without IndexedDB
    globalThis.indexedDB = undefined;
    resetRunStoreForTests();
    const result = await saveRun(summary('x', '2026-12-01T10:00:00.000Z'), '{}');
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining('does not let the page store runs') as string,
      words: { key: 'storage.refused' },
    });
  });

  it('says when the storage is full, and that nothing on screen is lost', () => {
    const full = new DOMException('quota', 'QuotaExceededError');
    expect(storageFailure(full).message).toMatch(
      /storage for this site is full.*Everything on screen is kept/,
    );
  });
});
