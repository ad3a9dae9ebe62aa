import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decodeRunFile, encodeRunFile, type RunFileV1 } from '../../export/runFileV1.ts';
import { say, type WordedMessage } from '../../engine/messageWords.ts';
import {
  deleteRun,
  listRuns,
  loadRunFile,
  renameRun,
  saveRun,
  type SavedRunSummary,
} from '../../storage/runStore.ts';

/** Test errors at the end, by member label: the saved-runs list shows them. */
function errorSummary(run: RunFileV1): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of run.roster.members) {
    const errors = run.latest[m.id]?.errors;
    if (errors !== undefined) out[m.label] = errors;
  }
  return out;
}

/** A refusal of the store or the run file, as the panel shows it. */
const refusal = ({ message, words }: WordedMessage): SavedRuns['message'] => ({
  message,
  words,
  error: true,
});

export interface SavedRuns {
  list: SavedRunSummary[];
  /**
   * The last outcome (saved, imported, refused and why): its sentence, and a refusal's words for
   * the page's language (ui/status/messageText.ts).
   */
  message: (WordedMessage & { error: boolean }) | null;
  save: (run: RunFileV1) => Promise<boolean>;
  importText: (text: string | ArrayBuffer, fileName: string) => Promise<void>;
  open: (id: string) => Promise<RunFileV1 | null>;
  rename: (id: string, name: string) => Promise<void>;
  remove: (id: string) => Promise<void>;
}

/** The saved runs of this browser, and what the panel does with them. */
export function useSavedRuns(): SavedRuns {
  const { t } = useTranslation();
  const [list, setList] = useState<SavedRunSummary[]>([]);
  const [message, setMessage] = useState<SavedRuns['message']>(null);
  const refresh = useCallback(async () => {
    const result = await listRuns();
    if (result.ok) setList(result.value);
    else setMessage(refusal(result));
  }, []);
  useEffect(() => {
    // The list arrives asynchronously from IndexedDB (the state is set after an await).
    let live = true;
    void listRuns().then((result) => {
      if (!live) return;
      if (result.ok) setList(result.value);
      else setMessage(refusal(result));
    });
    return () => {
      live = false;
    };
  }, []);

  const store = useCallback(
    async (run: RunFileV1, said: (name: string) => string) => {
      const result = await saveRun(
        { name: run.name, savedAt: run.savedAt, query: run.query, errors: errorSummary(run) },
        encodeRunFile(run),
      );
      setMessage(result.ok ? { message: said(run.name), error: false } : refusal(result));
      await refresh();
      return result.ok;
    },
    [refresh],
  );
  const save = useCallback(
    (run: RunFileV1) => store(run, (name) => t('runs.savedAs', { name })),
    [store, t],
  );
  const importText = useCallback(
    async (text: string | ArrayBuffer, fileName: string) => {
      const decoded = decodeRunFile(text, fileName);
      if (!decoded.ok) setMessage(refusal(decoded));
      else await store(decoded.run, (name) => t('runs.importedAs', { file: fileName, name }));
    },
    [store, t],
  );
  const open = useCallback(async (id: string) => {
    const stored = await loadRunFile(id);
    if (!stored.ok) {
      setMessage(refusal(stored));
      return null;
    }
    const decoded = decodeRunFile(stored.value, say('runFile.savedRun'));
    if (!decoded.ok) setMessage(refusal(decoded));
    return decoded.ok ? decoded.run : null;
  }, []);
  const rename = useCallback(
    async (id: string, name: string) => {
      const result = await renameRun(id, name);
      if (!result.ok) setMessage(refusal(result));
      await refresh();
    },
    [refresh],
  );
  const remove = useCallback(
    async (id: string) => {
      const result = await deleteRun(id);
      if (!result.ok) setMessage(refusal(result));
      await refresh();
    },
    [refresh],
  );
  return { list, message, save, importText, open, rename, remove };
}
