import { Trans, useTranslation } from 'react-i18next';
import { useState } from 'react';
import { CONTROL_ID, meanScores, sweepFraction } from '../../client/sweepState.ts';
import { bestByValidation } from '../../engine/sweep/sweepScore.ts';
import { cellId, gridCells } from '../../engine/sweep/sweepGrid.ts';
import { divergingColor, sequentialColor } from '../darkMap/heatColor.ts';
import { SweepFormControls } from './SweepFormControls.tsx';
import { formToConfig, FULL_FORM, type SweepForm } from './sweepForm.ts';
import { SweepHeatmap } from './SweepHeatmap.tsx';
import type { SweepControls } from './useSweep.ts';
import './sweep.css';

interface Props {
  sweep: SweepControls;
  /** The page's seed: the sweep's first. */
  seed: number;
  /** Pauses the page's own training (a sweep and a run would share the cores). */
  pausePage: () => void;
}

function clock(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * The T × α sweep: a grid of short runs trained in a worker of its own (every cell in lockstep
 * with one hard-label control per seed), drawn as two heatmaps that fill in as seeds finish.
 */
export function SweepPanel({ sweep, seed, pausePage }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState<SweepForm>(FULL_FORM);
  const { view } = sweep;
  const active = view.state === 'loading' || view.state === 'running' || view.state === 'paused';
  const config = view.config ?? formToConfig(form, seed);
  const scores = meanScores(view);
  const control = scores[CONTROL_ID];
  const cells = gridCells(config);
  const cellScores = Object.fromEntries(
    cells.filter((c) => scores[cellId(c)]).map((c) => [cellId(c), scores[cellId(c)]]),
  );
  const trained = Object.keys(cellScores).length > 0;
  const best = trained ? bestByValidation(cellScores) : null;
  const errors = Object.values(cellScores).map((s) => s.test);
  const [low, high] = [Math.min(...errors), Math.max(...errors)];
  const spread = (v: number) => (high > low ? (v - low) / (high - low) : 0);
  const gaps = control ? Object.values(cellScores).map((s) => Math.abs(s.test - control.test)) : [];
  const gapScale = Math.max(1, ...gaps);
  const seedsDone = Object.keys(view.seeds).length;
  const fraction = sweepFraction(view);
  const elapsed =
    view.startedAt === null
      ? 0
      : (view.finishedAt ?? view.lastAt ?? view.startedAt) - view.startedAt;
  const left = fraction > 0.05 && active ? (elapsed * (1 - fraction)) / fraction : NaN;
  const planned = formToConfig(form, seed);
  const plannedCells = gridCells(planned).length;
  const begin = () => {
    pausePage();
    sweep.start(planned);
  };
  return (
    <div className="sweep-panel" data-testid="sweep-panel">
      <p className="explain">
        <Trans i18nKey="sweep.explain" components={{ em: <em /> }} />
      </p>
      <SweepFormControls form={form} onForm={setForm} disabled={active} />
      <div className="sweep-actions">
        <button
          className="primary"
          onClick={begin}
          disabled={active || form.temperatures.length === 0 || form.alphas.length === 0}
        >
          {view.state === 'idle' ? t('sweep.start') : t('sweep.again')}
        </button>
        {view.state === 'paused' ? (
          <button onClick={sweep.resume}>{t('sweep.resume')}</button>
        ) : (
          <button onClick={sweep.pause} disabled={view.state !== 'running'}>
            {t('sweep.pause')}
          </button>
        )}
        <button onClick={sweep.cancel} disabled={!active}>
          {t('sweep.cancel')}
        </button>
        <span className="small muted">
          {t('sweep.cost', {
            cells: t('sweep.cells', { count: plannedCells }),
            seeds: t('sweep.seeds', { count: form.seeds }),
            epochs: (plannedCells + 1) * form.seeds * form.epochs,
            digits: Math.round(60_000 * form.fraction).toLocaleString('en'),
          })}
        </span>
      </div>
      <div className="sweep-status" data-testid="sweep-status">
        <progress value={fraction} max={1} aria-label={t('sweep.progress')} />
        <span role="status" aria-live="polite">
          {t(`sweep.state.${view.state}`)}
        </span>
        {view.state !== 'idle' && (
          <span className="small muted mono">
            {' '}
            {t('sweep.seedOf', {
              at: Math.min(seedsDone + 1, config.seeds.length),
              total: config.seeds.length,
            })}{' '}
            · {Math.round(100 * fraction)}% · {clock(elapsed)}
            {Number.isFinite(left) ? t('sweep.left', { time: clock(left) }) : ''}
            {view.backend ? ` · ${view.backend}` : ''} ·{' '}
            {t('sweep.workers', { count: view.workers.length })}
            {t('sweep.cores', { cores: navigator.hardwareConcurrency || 1 })}
          </span>
        )}
      </div>
      {view.error && (
        <p className="notice error" role="alert">
          {sweep.noWorker === null ? view.error : t('sweep.noWorker', { why: sweep.noWorker })}
        </p>
      )}
      {view.state !== 'idle' && (
        <>
          <div className="sweep-maps">
            <SweepHeatmap
              title={t('sweep.errorsTitle')}
              describe={t('sweep.errorsDescribe')}
              testId="sweep-errors"
              config={config}
              scores={cellScores}
              value={(s) => s.test}
              format={(v) => v.toFixed(0)}
              color={(v) => sequentialColor(0.15 + 0.85 * spread(v))}
              dark={(v) => spread(v) > 0.55}
              best={best}
            />
            <SweepHeatmap
              title={t('sweep.gainTitle')}
              describe={t('sweep.gainDescribe')}
              testId="sweep-gain"
              config={config}
              scores={control ? cellScores : {}}
              value={(s) => s.test - (control?.test ?? 0)}
              format={(v) => (v > 0 ? `+${v.toFixed(0)}` : v.toFixed(0))}
              color={(v) => divergingColor(v, gapScale)}
              dark={() => false}
              best={best}
            />
          </div>
          <p className="small" data-testid="sweep-summary">
            {control
              ? t('sweep.control', { errors: control.test.toFixed(0) })
              : t('sweep.controlWaiting')}
            {best && control
              ? t('sweep.best', {
                  T: best.replace(/^T/, '').replace(/-a.*$/, ''),
                  alpha: best.replace(/^.*-a/, ''),
                  errors: cellScores[best].test.toFixed(0),
                  heldOut: cellScores[best].heldOut.toFixed(0),
                  controlHeldOut: control.heldOut.toFixed(0),
                })
              : ''}{' '}
            {t('sweep.caveat')}
          </p>
        </>
      )}
    </div>
  );
}
