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

const STATE_TEXT = {
  idle: 'Not started.',
  loading: 'Loading the data and the teacher in the sweep worker…',
  running: 'Running.',
  paused: 'Paused.',
  done: 'Done.',
  cancelled: 'Cancelled: cells already trained stay below.',
  failed: 'Stopped by an error: cells already trained stay below.',
} as const;

function clock(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * The T × α sweep: a grid of short runs trained in a worker of its own (every cell in lockstep
 * with one hard-label control per seed), drawn as two heatmaps that fill in as seeds finish.
 */
export function SweepPanel({ sweep, seed, pausePage }: Props) {
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
        Where in the (T, α) plane does distillation pay? Each cell is a short run of the same
        student distilled at that T and α; all cells of a seed train <em>in lockstep</em> on the
        same batches from the same first weights, beside one hard-label control. The control does
        not depend on T or α, so it trains once per seed, not once per cell. Errors are on the
        10,000 test digits; the ★ cell is the one with the fewest errors on the first 5,000 (chosen
        there, so the last 5,000 stay a fair check). A cell opens its run on the page, in a new tab.
      </p>
      <SweepFormControls form={form} onForm={setForm} disabled={active} />
      <div className="sweep-actions">
        <button
          className="primary"
          onClick={begin}
          disabled={active || form.temperatures.length === 0 || form.alphas.length === 0}
        >
          {view.state === 'idle' ? 'Start sweep' : 'Start again'}
        </button>
        {view.state === 'paused' ? (
          <button onClick={sweep.resume}>Resume</button>
        ) : (
          <button onClick={sweep.pause} disabled={view.state !== 'running'}>
            Pause
          </button>
        )}
        <button onClick={sweep.cancel} disabled={!active}>
          Cancel
        </button>
        <span className="small muted">
          {plannedCells} cell{plannedCells === 1 ? '' : 's'} + 1 control × {form.seeds} seed
          {form.seeds === 1 ? '' : 's'} = {(plannedCells + 1) * form.seeds * form.epochs}{' '}
          learner-epochs on {Math.round(60_000 * form.fraction).toLocaleString('en')} digits.
          Starting pauses the training above.
        </span>
      </div>
      <div className="sweep-status" data-testid="sweep-status">
        <progress value={fraction} max={1} aria-label="Sweep progress" />
        <span role="status" aria-live="polite">
          {STATE_TEXT[view.state]}
        </span>
        {view.state !== 'idle' && (
          <span className="small muted mono">
            {' '}
            seed {Math.min(seedsDone + 1, config.seeds.length)} of {config.seeds.length} ·{' '}
            {Math.round(100 * fraction)}% · {clock(elapsed)}
            {Number.isFinite(left) ? ` · ~${clock(left)} left` : ''}
            {view.backend ? ` · ${view.backend}` : ''} · {view.workers.length} worker
            {view.workers.length === 1 ? '' : 's'} ({navigator.hardwareConcurrency || 1} cores:
            seeds run in parallel only where a core is left for the page)
          </span>
        )}
      </div>
      {view.error && (
        <p className="notice error" role="alert">
          {view.error}
        </p>
      )}
      {view.state !== 'idle' && (
        <>
          <div className="sweep-maps">
            <SweepHeatmap
              title="Test errors of the distilled student"
              describe="Rows: α; columns: T. Each value is test errors out of 10,000 (mean over seeds)."
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
              title="Distilled − control (blue: distillation helped)"
              describe="Rows: α; columns: T. Each value is the distilled student's test errors minus the hard-label control's."
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
              ? `Control (hard labels): ${control.test.toFixed(0)} test errors.`
              : 'The control’s errors appear when the first seed ends.'}
            {best && control
              ? ` ★ ${best.replace('T', 'T = ').replace('-a', ', α = ')}: ${cellScores[best].test.toFixed(0)} — on the held-out half (test digits 5,001–10,000) ${cellScores[best].heldOut.toFixed(0)} against the control’s ${control.heldOut.toFixed(0)}.`
              : ''}{' '}
            Short runs measure the start of training: soft targets pay more the longer a student
            trains, and the bigger it is (at 1 epoch a 30-30 student gains nothing at any T).
          </p>
        </>
      )}
    </div>
  );
}
