import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { backendReason } from '../../i18n/backendReason.ts';
import type { BackendReport, Roster, Snapshot } from '../../engine/protocol.ts';
import { shortLabel } from '../roster/rosterView.ts';
import { phaseWords, progressWords } from './statusWords.ts';

const rate = (v: number | undefined) =>
  v === undefined ? '–' : Math.round(v).toLocaleString('en-US');

/** One line: phase, epoch, samples/s per member, backend and why it was chosen, progress. */
function StatusBarView({
  snapshot,
  roster,
  backend,
  stopped = false,
}: {
  snapshot: Snapshot | null;
  roster: Roster | null;
  backend: BackendReport | null;
  /** The worker is gone: no phase or rate is current any more. */
  stopped?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'zh' ? 'zh' : 'en';
  const phase = snapshot?.phase ?? 'starting';
  const members = roster?.members ?? [];
  // A combined teacher or a learner reused as teacher has no training step of its own.
  const rated = members.filter((m) => m.origin !== 'combined' && m.origin !== 'earlier learner');
  const s = snapshot?.samplesPerSec ?? {};
  const training = phase === 'teachers' || phase === 'learners';
  const progress = snapshot ? progressWords(snapshot.progress, members, t) : '';
  return (
    <div
      className="status"
      data-testid="status"
      data-phase={phase}
      data-run={snapshot?.runId}
      data-tensors={snapshot?.tensors}
    >
      {/*
        The only live part: what the run is doing and whether it is paused, a few changes a
        minute. Steps, epochs and rates change five times a second: a screen reader that spoke
        them would never stop, so they are read on demand, not announced.
      */}
      <span className={`pill phase-${phase}`} role="status" aria-live="polite" aria-atomic="true">
        {stopped ? t('status.stopped') : phaseWords(phase, snapshot?.progress, members, t)}
        {!stopped && training && !snapshot?.running ? t('status.paused') : ''}
      </span>
      {(training || phase === 'done') && snapshot && (
        <span>
          {t('status.epoch')} <b className="mono">{snapshot.epoch.toFixed(2)}</b> ·{' '}
          {t('status.step')} <b className="mono">{snapshot.step}</b>
        </span>
      )}
      {rated.length > 0 && !stopped && (
        <span title={t('status.rateTitle')}>
          {t('status.samples')}{' '}
          {rated.map((m, i) => (
            <span key={m.id}>
              {i > 0 ? ' · ' : ''}
              {shortLabel(m)}{' '}
              <b className="mono" data-testid={`rate-${m.id}`}>
                {rate(s[m.id])}
              </b>
            </span>
          ))}
        </span>
      )}
      <span title={backend ? backendReason(backend, language) : undefined} data-testid="backend">
        {t('status.backend')} <b>{backend?.backend ?? '…'}</b>
        {roster?.workers === 2 && (
          <span data-testid="workers" title={t('status.twoWorkersTitle')}>
            {' '}
            {t('status.twoWorkers')}
          </span>
        )}
      </span>
      {progress && <span className="progress small">{progress}</span>}
    </div>
  );
}

export const StatusBar = memo(StatusBarView);
