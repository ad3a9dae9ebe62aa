import { memo } from 'react';
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
  const n = results?.testSize ?? 10_000;
  const omitted = results?.omitted ?? [];
  // The preset's digit groups (e.g. each specialist's half): errors on each, apart.
  const groups = preset?.digitGroups ?? [];
  const paper = paperLine(preset?.paper, members);
  const distilled = firstDistilled(members);
  const control = firstControl(members);
  const d = distilled && results?.models[distilled.id];
  const c = control && results?.models[control.id];
  const gain = d && c ? c.errors - d.errors : undefined;

  return (
    <div className="results-table">
      <ScrollBox label="Test results of each model">
        <table>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col" title={`Test errors out of ${n.toLocaleString('en-US')}`}>
                Errors
              </th>
              {groups.map((g) => (
                <th key={g.label} scope="col" title={`Test errors on the digits ${g.label}`}>
                  Errors on <span className="nowrap">{g.label}</span>
                </th>
              ))}
              <th scope="col">Accuracy</th>
              <th
                scope="col"
                title="Share of test digits on which the student's most likely class is the teacher's (top-1 agreement)"
              >
                Agrees with teacher
              </th>
              <th
                scope="col"
                title="Mean KL divergence from the teacher's to the student's softmax at T = 1 on the test digits, in nats (0: the same outputs)"
              >
                KL (nats)
              </th>
              {omitted.length > 0 && (
                <th
                  scope="col"
                  title={`Errors on the test digits ${omitted.join(', ')} left out of the transfer set`}
                >
                  On {omitted.join('')}
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
                    {na ? 'n/a' : (r?.errors ?? '–')}
                    {before && (
                      <span className="small" title="before the bias shift">
                        {' '}
                        (was {before.errors})
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
                        title={e && `${e.errors} of ${e.count} test digits ${g.label}`}
                      >
                        {e ? e.errors : '–'}
                      </td>
                    );
                  })}
                  <td className="mono" data-testid={`accuracy-${m.id}`}>
                    {na ? (transferLabels ? 'n/a' : 'no labels') : r ? pct(r.errors, n) : '–'}
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
                      title={r ? `${r.omittedErrors} of ${r.omittedCount} test digits` : undefined}
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
          <strong>Paper</strong> (Hinton, Vinyals &amp; Dean 2015): {paper}.
        </p>
      )}
      <p className="small">
        Errors out of {n.toLocaleString('en-US')} test digits, at the latest evaluation. Agreement
        and KL (in nats, at T = 1) compare each student with its teacher, before any bias shift.
        {gain !== undefined &&
          distilled &&
          control &&
          (gain > 0
            ? ` Distillation so far: ${gain} fewer errors than the ${shortLabel(control)} (${((100 * gain) / c!.errors).toFixed(0)}% fewer).`
            : gain < 0
              ? ` The ${shortLabel(control)} is ahead of the ${shortLabel(distilled)} by ${-gain} errors so far.`
              : ` The ${shortLabel(distilled)} and the ${shortLabel(control)} make the same number of errors so far.`)}
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
