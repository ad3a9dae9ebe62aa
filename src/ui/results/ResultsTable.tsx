import { memo } from 'react';
import type { Preset } from '../../state/presets.ts';
import type { Role, TestResults } from './useTestResults.ts';

const NAMES: Record<Role, string> = {
  teacher: 'Teacher',
  distilled: 'Distilled student',
  control: 'Control student',
};

interface Props {
  results: TestResults | null;
  preset: Preset | undefined;
  controlTrains: boolean;
  biasActive: boolean;
}

const pct = (errors: number, n: number) => `${(100 * (1 - errors / n)).toFixed(2)}%`;

/** Test errors out of 10,000 and accuracy per model, beside the paper's numbers for the preset. */
function ResultsTableView({ results, preset, controlTrains, biasActive }: Props) {
  const n = results?.testSize ?? 10_000;
  const omitted = results?.omitted ?? [];
  const paper = preset?.paper ?? {};
  const paperFor = (role: Role): string => {
    if (role === 'teacher') return paper.teacher !== undefined ? `${paper.teacher} errors` : '';
    if (role === 'control') return paper.control !== undefined ? `${paper.control} errors` : '';
    if (paper.errorRate !== undefined) {
      return `${(100 * paper.errorRate).toFixed(1)}% test error${paper.errorRateAfterBias !== undefined ? `, ${(100 * paper.errorRateAfterBias).toFixed(1)}% after the bias shift` : ''}`;
    }
    if (paper.distilled === undefined) return '';
    const base = `${paper.distilled}${paper.omitted !== undefined ? ` (${paper.omitted} on omitted)` : ''}`;
    return paper.distilledAfterBias !== undefined
      ? `${base} → ${paper.distilledAfterBias} (${paper.omittedAfterBias}) with bias`
      : base;
  };
  const showPaper = preset !== undefined && Object.keys(paper).length > 0;
  const { distilled, control } = results?.models ?? {};
  const gain =
    distilled && control && controlTrains ? control.errors - distilled.errors : undefined;

  return (
    <div className="results-table">
      <table>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col" title={`Test errors out of ${n.toLocaleString('en-US')}`}>
              Errors
            </th>
            <th scope="col">Accuracy</th>
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
          {(['teacher', 'distilled', 'control'] as const).map((role) => {
            const r = results?.models[role];
            const na = role === 'control' && !controlTrains;
            return (
              <tr key={role} data-testid={`result-${role}`} data-errors={r?.errors ?? ''}>
                <th scope="row">
                  <span className={`swatch ${role}`} /> {NAMES[role]}
                </th>
                <td className="mono" data-testid={`errors-${role}`}>
                  {na ? 'n/a' : (r?.errors ?? '–')}
                  {role === 'distilled' && biasActive && results?.distilledUnshifted && (
                    <span className="small" title="before the bias shift">
                      {' '}
                      (was {results.distilledUnshifted.errors})
                    </span>
                  )}
                </td>
                <td className="mono" data-testid={`accuracy-${role}`}>
                  {na ? 'no labels' : r ? pct(r.errors, n) : '–'}
                </td>
                {omitted.length > 0 && (
                  <td
                    className="mono"
                    data-testid={`omitted-errors-${role}`}
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
      {showPaper && (
        <p className="paper small" data-testid="paper-numbers">
          <strong>Paper</strong> (Hinton, Vinyals &amp; Dean 2015):{' '}
          {(['teacher', 'distilled', 'control'] as const)
            .map((role) => [role, paperFor(role)] as const)
            .filter(([, text]) => text)
            .map(([role, text]) => `${NAMES[role].toLowerCase()} ${text}`)
            .join('; ')}
          .
        </p>
      )}
      <p className="small">
        Errors out of {n.toLocaleString('en-US')} test digits, at the latest evaluation.
        {gain !== undefined &&
          (gain > 0
            ? ` Distillation so far: ${gain} fewer errors than the control student (${((100 * gain) / control!.errors).toFixed(0)}% fewer).`
            : gain < 0
              ? ` The control student is ahead by ${-gain} errors so far.`
              : ' Both students make the same number of errors so far.')}
      </p>
    </div>
  );
}

export const ResultsTable = memo(ResultsTableView);
