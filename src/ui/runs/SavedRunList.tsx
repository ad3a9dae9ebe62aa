import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { encodeRunFile, runFileName, type RunFileV1 } from '../../export/runFileV1.ts';
import { memberLabel } from '../../i18n/memberLabels.ts';
import { downloadFile } from './download.ts';
import { SavedRunCompare } from './SavedRunCompare.tsx';
import type { SavedRuns } from './useSavedRuns.ts';

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** The runs saved in this browser: open (its link), rename, download, delete, compare two. */
export function SavedRunList({ runs }: { runs: SavedRuns }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'zh' ? 'zh' : 'en';
  const [picked, setPicked] = useState<string[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [shown, setShown] = useState<RunFileV1[] | null>(null);
  if (runs.list.length === 0) return <p className="small placeholder">{t('runs.list.empty')}</p>;

  const compare = async () => {
    const opened: RunFileV1[] = [];
    for (const id of picked) {
      const run = await runs.open(id);
      const name = runs.list.find((r) => r.id === id)?.name;
      if (run) opened.push({ ...run, name: name ?? run.name });
    }
    setShown(opened.length > 0 ? opened : null);
  };

  return (
    <div className="saved-runs">
      <h3>{t('runs.list.title')}</h3>
      <ul className="saved-list">
        {runs.list.map((r) => (
          <li key={r.id} data-testid="saved-run">
            <input
              type="checkbox"
              aria-label={t('runs.list.pick', { name: r.name })}
              checked={picked.includes(r.id)}
              onChange={(e) =>
                setPicked((p) =>
                  e.target.checked ? [...p, r.id].slice(-2) : p.filter((x) => x !== r.id),
                )
              }
            />
            {editing === r.id ? (
              <form
                onSubmit={async (e) => {
                  e.preventDefault();
                  const name = new FormData(e.currentTarget).get('name');
                  if (typeof name === 'string' && name.trim()) await runs.rename(r.id, name.trim());
                  setEditing(null);
                }}
              >
                <input
                  name="name"
                  defaultValue={r.name}
                  aria-label={t('runs.list.newName')}
                  autoFocus
                />
                <button type="submit">{t('runs.list.ok')}</button>
              </form>
            ) : (
              <span className="saved-name">
                <a href={`?${r.query}`} title={t('runs.list.open')}>
                  {r.name}
                </a>
                <span className="small">
                  {' '}
                  {when(r.savedAt)} ·{' '}
                  {Object.entries(r.errors)
                    .map(([label, e]) => `${memberLabel(label, language)} ${e}`)
                    .join(t('messages.listSeparator'))}
                </span>
              </span>
            )}
            <span className="saved-buttons">
              <button
                onClick={() => setEditing(r.id)}
                aria-label={t('runs.list.renameLabel', { name: r.name })}
              >
                {t('runs.list.rename')}
              </button>
              <button
                aria-label={t('runs.list.downloadLabel', { name: r.name })}
                onClick={async () => {
                  const run = await runs.open(r.id);
                  if (run)
                    downloadFile(
                      runFileName(r.name),
                      encodeRunFile({ ...run, name: r.name }),
                      'application/json',
                    );
                }}
              >
                {t('runs.list.download')}
              </button>
              <button
                aria-label={t('runs.list.deleteLabel', { name: r.name })}
                onClick={() => runs.remove(r.id)}
              >
                {t('runs.list.delete')}
              </button>
            </span>
          </li>
        ))}
      </ul>
      <button disabled={picked.length === 0} onClick={compare}>
        {picked.length === 2 ? t('runs.list.compareTwo') : t('runs.list.showOne')}
      </button>
      {shown && <SavedRunCompare runs={shown} />}
    </div>
  );
}
