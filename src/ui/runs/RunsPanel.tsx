import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LearnerExport, Roster, Snapshot } from '../../engine/protocol.ts';
import { curvesToCsv } from '../../export/curvesToCsv.ts';
import { encodeRunFile, runFileName, type RunFileV1 } from '../../export/runFileV1.ts';
import { presetById } from '../../state/presets.ts';
import { settingsToKerasScript } from '../../export/kerasScript.ts';
import { settingsToTorchScript } from '../../export/torchScript.ts';
import type { Settings } from '../../state/settingsSchema.ts';
import { currentRunFile } from './currentRun.ts';
import { downloadFile, safeFileName } from './download.ts';
import { SavedRunList } from './SavedRunList.tsx';
import { useSavedRuns } from './useSavedRuns.ts';
import { messageText } from '../status/messageText.ts';
import './runs.css';

/** Quiet time after the run's end before it is saved (its last evaluation may still come). */
const AUTOSAVE_SETTLE_MS = 1500;

interface Props {
  settings: Settings;
  roster: Roster | null;
  snapshot: Snapshot | null;
  exportLearners: () => Promise<LearnerExport[] | null>;
}

/**
 * Saving and downloading: the run (saved in this browser when it ends and on demand, or as a
 * file), its curves as CSV, a learner as a TensorFlow.js model; and the runs saved before.
 */
function RunsPanelView({ settings, roster, snapshot, exportLearners }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'zh' ? 'zh' : 'en';
  const runs = useSavedRuns();
  const [learnerId, setLearnerId] = useState('');
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const learners = roster?.members.filter((m) => m.role === 'learner') ?? [];
  const learner = learners.find((m) => m.id === learnerId) ?? learners[0];
  const canSave = roster !== null && snapshot !== null && snapshot.runId === roster.runId;

  const build = async (): Promise<RunFileV1 | null> => {
    if (!roster || !snapshot) return null;
    const exported = await exportLearners();
    const title = presetById(settings.preset)
      ? t(`presets.titles.${settings.preset}`)
      : t('runs.customRun');
    return exported && currentRunFile(settings, roster, snapshot, exported, new Date(), title);
  };
  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };

  // A run is saved by itself when it ends (once per run), once its last evaluation has come:
  // the save waits until no new evaluation arrived for a moment.
  const autoSaved = useRef(-1);
  const done = snapshot?.phase === 'done' && canSave ? snapshot.runId : -1;
  const evaluations = snapshot?.evaluations.length ?? 0;
  useEffect(() => {
    if (done < 0 || autoSaved.current === done) return;
    const timer = window.setTimeout(() => {
      autoSaved.current = done;
      void build().then((run) => run && runs.save(run));
    }, AUTOSAVE_SETTLE_MS);
    return () => window.clearTimeout(timer);
    // build reads the latest props; the run and its evaluations decide when to save.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [done, evaluations]);

  return (
    <section className="panel runs" aria-labelledby="runs-title">
      <h2 id="runs-title">{t('runs.title')}</h2>
      <div className="runs-actions" role="group" aria-label={t('runs.thisRun')}>
        <button
          disabled={!canSave || busy}
          onClick={() =>
            act(async () => {
              const run = await build();
              if (run) await runs.save(run);
            })
          }
        >
          {t('runs.save')}
        </button>
        <button
          disabled={!canSave || busy}
          onClick={() =>
            act(async () => {
              const run = await build();
              if (run) downloadFile(runFileName(run.name), encodeRunFile(run), 'application/json');
            })
          }
        >
          {t('runs.download')}
        </button>
        <button onClick={() => fileInput.current?.click()}>{t('runs.import')}</button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label={t('runs.importLabel')}
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) await runs.importText(await file.arrayBuffer(), file.name);
          }}
        />
      </div>
      <div className="runs-actions" role="group" aria-label={t('runs.downloads')}>
        <button
          disabled={!snapshot || snapshot.evaluations.length + snapshot.loss.length === 0}
          onClick={() =>
            snapshot &&
            downloadFile(
              `${safeFileName(settings.preset)}-curves.csv`,
              curvesToCsv(roster?.members ?? [], snapshot.evaluations, snapshot.loss),
              'text/csv',
            )
          }
        >
          {t('runs.curves')}
        </button>
        <button
          title={t('runs.torchTitle')}
          onClick={() =>
            downloadFile(
              `kd-${safeFileName(settings.preset)}.py`,
              settingsToTorchScript(settings, window.location.href),
              'text/x-python',
            )
          }
        >
          {t('runs.torch')}
        </button>
        <button
          title={t('runs.kerasTitle')}
          onClick={() =>
            downloadFile(
              `kd-${safeFileName(settings.preset)}-keras.py`,
              settingsToKerasScript(settings, window.location.href),
              'text/x-python',
            )
          }
        >
          {t('runs.keras')}
        </button>
        {learners.length > 0 && (
          <>
            <select
              aria-label={t('runs.learner')}
              value={learner?.id ?? ''}
              onChange={(e) => setLearnerId(e.target.value)}
            >
              {learners.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
            <button
              disabled={busy || !learner}
              onClick={() =>
                act(async () => {
                  const all = await exportLearners();
                  const files = all?.find((l) => l.id === learner?.id);
                  if (!files) return;
                  downloadFile(
                    `${files.id}.model.json`,
                    JSON.stringify(files.modelJson),
                    'application/json',
                  );
                  downloadFile(files.weightsFile, files.weights, 'application/octet-stream');
                })
              }
            >
              {t('runs.tfjs')}
            </button>
          </>
        )}
      </div>
      <p className="small">
        {t('runs.note.saved')} <code>model.json</code> {t('runs.note.weights')}{' '}
        <code>tf.loadLayersModel(&apos;…/{learner?.id ?? 'distilled'}.model.json&apos;)</code>
        {t('runs.note.logits')}
      </p>
      {runs.message && (
        <p role="status" className={`runs-message${runs.message.error ? ' error' : ''}`}>
          {messageText(runs.message, t, language)}
        </p>
      )}
      <SavedRunList runs={runs} />
    </section>
  );
}

export const RunsPanel = memo(RunsPanelView);
