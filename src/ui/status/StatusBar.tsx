import type { BackendReport, Phase, Snapshot } from '../../engine/protocol.ts';

const PHASE_NAMES: Record<Phase, string> = {
  starting: 'starting the engine',
  loading: 'loading MNIST',
  ready: 'ready',
  teacher: 'training the teacher',
  caching: 'caching teacher logits',
  students: 'distilling: both students training',
  done: 'done',
};

const rate = (v: number | undefined) =>
  v === undefined ? '–' : Math.round(v).toLocaleString('en-US');

/** One line: phase, epoch, samples/s per model, backend and why it was chosen. */
export function StatusBar({
  snapshot,
  backend,
}: {
  snapshot: Snapshot | null;
  backend: BackendReport | null;
}) {
  const phase = snapshot?.phase ?? 'starting';
  const s = snapshot?.samplesPerSec ?? {};
  const training = phase === 'teacher' || phase === 'students' || phase === 'done';
  return (
    <div
      className="status"
      role="status"
      aria-live="polite"
      data-testid="status"
      data-phase={phase}
    >
      <span className={`pill phase-${phase}`}>
        {PHASE_NAMES[phase]}
        {snapshot?.running ? '' : phase === 'teacher' || phase === 'students' ? ' (paused)' : ''}
      </span>
      {training && snapshot && (
        <span>
          epoch <b className="mono">{snapshot.epoch.toFixed(2)}</b> · step{' '}
          <b className="mono">{snapshot.step}</b>
        </span>
      )}
      <span title="Training samples per second of each model's step">
        samples/s: teacher{' '}
        <b className="mono" data-testid="rate-teacher">
          {rate(s.teacher)}
        </b>{' '}
        · distilled{' '}
        <b className="mono" data-testid="rate-distilled">
          {rate(s.distilled)}
        </b>{' '}
        · control{' '}
        <b className="mono" data-testid="rate-control">
          {rate(s.control)}
        </b>
      </span>
      <span title={backend?.reason} data-testid="backend">
        backend <b>{backend?.backend ?? '…'}</b>
      </span>
      {snapshot?.progress && <span className="progress small">{snapshot.progress}</span>}
    </div>
  );
}
