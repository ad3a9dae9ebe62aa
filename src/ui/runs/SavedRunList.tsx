import { useState } from 'react';
import { encodeRunFile, runFileName, type RunFileV1 } from '../../export/runFileV1.ts';
import { downloadFile } from './download.ts';
import { SavedRunCompare } from './SavedRunCompare.tsx';
import type { SavedRuns } from './useSavedRuns.ts';

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** The runs saved in this browser: open (its link), rename, download, delete, compare two. */
export function SavedRunList({ runs }: { runs: SavedRuns }) {
  const [picked, setPicked] = useState<string[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [shown, setShown] = useState<RunFileV1[] | null>(null);
  if (runs.list.length === 0)
    return <p className="small placeholder">No saved runs yet in this browser.</p>;

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
      <h3>Saved in this browser</h3>
      <ul className="saved-list">
        {runs.list.map((r) => (
          <li key={r.id} data-testid="saved-run">
            <input
              type="checkbox"
              aria-label={`Pick ${r.name} to compare`}
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
                <input name="name" defaultValue={r.name} aria-label="New name" autoFocus />
                <button type="submit">OK</button>
              </form>
            ) : (
              <span className="saved-name">
                <a href={`?${r.query}`} title="Open this run’s settings">
                  {r.name}
                </a>
                <span className="small">
                  {' '}
                  {when(r.savedAt)} ·{' '}
                  {Object.entries(r.errors)
                    .map(([label, e]) => `${label} ${e}`)
                    .join(', ')}
                </span>
              </span>
            )}
            <span className="saved-buttons">
              <button onClick={() => setEditing(r.id)} aria-label={`Rename ${r.name}`}>
                Rename
              </button>
              <button
                aria-label={`Download ${r.name}`}
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
                Download
              </button>
              <button aria-label={`Delete ${r.name}`} onClick={() => runs.remove(r.id)}>
                Delete
              </button>
            </span>
          </li>
        ))}
      </ul>
      <button disabled={picked.length === 0} onClick={compare}>
        {picked.length === 2 ? 'Compare the two picked runs' : 'Show the picked run'}
      </button>
      {shown && <SavedRunCompare runs={shown} />}
    </div>
  );
}
