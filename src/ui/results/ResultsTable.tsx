import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberLatest, RosterEntry } from '../../engine/protocol.ts';
import type { Preset } from '../../state/presets.ts';
import { formatAgreement, formatKl } from '../fidelityText.ts';
import { firstControl, firstDistilled, shortLabel } from '../roster/rosterView.ts';
import { Swatch } from '../roster/Swatch.tsx';
import { groupErrors } from './digitGroups.ts';
import { paperLine } from './paperNumbers.ts';
import type { TestResults } from './useTestResults.ts';
import { ScrollBox } from '../ScrollBox.tsx';

interface Props {
  results: TestResults | null;
  members: readonly RosterEntry[];
  /** The worker's latest per-member readings: agreement and KL with the teacher(s). */
  latest: Readonly<Record<string, MemberLatest>>;
  /** False: the transfer set has no labels (a hard-label learner cannot train). */
  transferLabels: boolean;
  preset: Preset | undefined;
  biasActive: boolean;
}

const pct = (errors: number, n: number) => `${(100 * (1 - errors / n)).toFixed(2)}%`;

/** Test errors, accuracy and fidelity per member, beside the paper's numbers for the preset. */
function ResultsTableView({ results, members, latest, transferLabels, preset, biasActive }: Props) {
  const { t } = useTranslation();
  const n = results?.testSize ?? 10_000;
  const omitted = results?.omitted ?? [];
  // The preset's digit groups (e.g. each specialist's half): errors on each, apart.
  const groups = preset?.digitGroups ?? [];
  const paper = paperLine(preset?.paper, members, t);
  const distilled = firstDistilled(members);
  const control = firstControl(members);
  const d = distilled && results?.models[distilled.id];
  const c = control && results?.models[control.id];
  const gain = d && c ? c.errors - d.errors : undefined;

  return (
    <div className="results-table">
      <ScrollBox label={t('results.table.label')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('results.table.model')}</th>
              <th
                scope="col"
                title={t('results.table.errorsTitle', { n: n.toLocaleString('en-US') })}
              >
                {t('results.table.errors')}
              </th>
              {groups.map((g) => (
                <th
                  key={g.label}
                  scope="col"
                  title={t('results.table.groupTitle', { digits: g.label })}
                >
                  {t('results.table.errorsOn')} <span className="nowrap">{g.label}</span>
                </th>
              ))}
              <th scope="col">{t('results.table.accuracy')}</th>
              <th scope="col" title={t('results.table.agreesTitle')}>
                {t('results.table.agrees')}
              </th>
              <th scope="col" title={t('results.table.klTitle')}>
                {t('results.table.kl')}
              </th>
              {omitted.length > 0 && (
                <th
                  scope="col"
                  title={t('results.table.omittedTitle', { digits: omitted.join(', ') })}
                >
                  {t('results.table.omitted', { digits: omitted.join('') })}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => {
              const r = results?.models[m.id];
              // A learner that cannot train (hard labels on an unlabeled transfer set).
              const na = m.role === 'learner' && !m.trains;
              const before = biasActive && m.biasAdjustable ? results?.unshifted[m.id] : undefined;
              const reading = latest[m.id];
              return (
                <tr key={m.id} data-testid={`result-${m.id}`} data-errors={r?.errors ?? ''}>
                  <th scope="row">
                    <Swatch color={m.color} /> {m.label}
                  </th>
                  <td className="mono" data-testid={`errors-${m.id}`}>
                    {na ? t('results.table.notApplicable') : (r?.errors ?? '–')}
                    {before && (
                      <span className="small" title={t('results.table.beforeShift')}>
                        {' '}
                        {t('results.table.was', { errors: before.errors })}
                      </span>
                    )}
                  </td>
                  {groups.map((g, i) => {
                    const e = r && !na ? groupErrors(r, g) : undefined;
                    return (
                      <td
                        key={g.label}
                        className="mono"
                        data-testid={`group-errors-${m.id}-${i}`}
                        title={
                          e &&
                          t('results.table.groupCell', {
                            errors: e.errors,
                            total: e.count,
                            digits: g.label,
                          })
                        }
                      >
                        {e ? e.errors : '–'}
                      </td>
                    );
                  })}
                  <td className="mono" data-testid={`accuracy-${m.id}`}>
                    {na
                      ? t(transferLabels ? 'results.table.notApplicable' : 'results.table.noLabels')
                      : r
                        ? pct(r.errors, n)
                        : '–'}
                  </td>
                  <td className="mono" data-testid={`agreement-${m.id}`}>
                    {reading?.agreement !== undefined
                      ? formatAgreement(reading.agreement)
                      : m.role === 'learner'
                        ? '–'
                        : ''}
                  </td>
                  <td className="mono" data-testid={`kl-${m.id}`}>
                    {reading?.kl !== undefined
                      ? formatKl(reading.kl)
                      : m.role === 'learner'
                        ? '–'
                        : ''}
                  </td>
                  {omitted.length > 0 && (
                    <td
                      className="mono"
                      data-testid={`omitted-errors-${m.id}`}
                      title={
                        r
                          ? t('results.table.omittedCell', {
                              errors: r.omittedErrors,
                              total: r.omittedCount,
                            })
                          : undefined
                      }
                    >
                      {na || !r ? '–' : `${r.omittedErrors}/${r.omittedCount}`}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
      {paper && (
        <p className="paper small" data-testid="paper-numbers">
          <strong>{t('results.table.paper')}</strong>{' '}
          {t('results.table.paperSource', { numbers: paper })}
        </p>
      )}
      <p className="small">
        {t('results.table.note', { n: n.toLocaleString('en-US') })}
        {gain !== undefined &&
          distilled &&
          control &&
          (gain > 0
            ? t('results.table.gain', {
                gain,
                control: shortLabel(control),
                percent: ((100 * gain) / c!.errors).toFixed(0),
              })
            : gain < 0
              ? t('results.table.behind', {
                  control: shortLabel(control),
                  distilled: shortLabel(distilled),
                  gap: -gain,
                })
              : t('results.table.even', {
                  distilled: shortLabel(distilled),
                  control: shortLabel(control),
                }))}
      </p>
    </div>
  );
}

/** The worker's readings as a key: `latest` is a new object with every snapshot. */
const readingsKey = (latest: Props['latest']) =>
  Object.entries(latest)
    .map(([id, r]) => `${id}:${r.agreement}:${r.kl}`)
    .join();

/** Re-renders when an evaluation or a setting changes what it shows, not on every snapshot. */
export const ResultsTable = memo(
  ResultsTableView,
  (a, b) =>
    a.results === b.results &&
    a.members === b.members &&
    a.transferLabels === b.transferLabels &&
    a.preset === b.preset &&
    a.biasActive === b.biasActive &&
    readingsKey(a.latest) === readingsKey(b.latest),
);
