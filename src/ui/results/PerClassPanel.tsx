import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NUM_CLASSES } from '../../data/mnistAssets.ts';
import type { RosterEntry } from '../../engine/protocol.ts';
import { Swatch } from '../roster/Swatch.tsx';
import { BiasControl } from './BiasControl.tsx';
import type { MistakeCell } from '../mistakes/MistakesPanel.tsx';
import { ConfusionMatrix } from './ConfusionMatrix.tsx';
import type { TestResults } from './useTestResults.ts';
import { ScrollBox } from '../ScrollBox.tsx';

interface Props {
  results: TestResults | null;
  members: readonly RosterEntry[];
  biasClasses: string;
  biasShift: number;
  onBias: (patch: { biasClasses?: string; biasShift?: number }) => void;
  seenClassCounts: number[];
  transferSize: number;
  /** Opens the digits behind a confusion cell (the Mistakes panel). */
  onCell?: (cell: MistakeCell) => void;
}

/** Per-class accuracy of every member, a confusion matrix, the bias control, and what the students saw. */
function PerClassPanelView({
  results,
  members,
  biasClasses,
  biasShift,
  onBias,
  seenClassCounts,
  transferSize,
  onCell,
}: Props) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string | null>(null);
  const evaluated = members.filter((m) => results?.models[m.id]);
  // By default the matrix of the member the bias control acts on (the distilled student).
  const shown =
    evaluated.find((m) => m.id === picked) ??
    evaluated.find((m) => m.biasAdjustable) ??
    evaluated.find((m) => m.role === 'learner') ??
    evaluated[0];
  const adjusted = members.filter((m) => m.biasAdjustable).map((m) => m.label);
  const omitted = new Set(results?.omitted ?? []);
  return (
    <section className="panel per-class" aria-labelledby="per-class-title">
      <h2 id="per-class-title">{t('results.perClass.title')}</h2>
      <div className="per-class-grid">
        <div>
          <ScrollBox label={t('results.perClass.title')}>
            <table className="per-class-table">
              <thead>
                <tr>
                  <th scope="col">{t('results.perClass.digit')}</th>
                  {[...Array(NUM_CLASSES).keys()].map((c) => (
                    <th
                      key={c}
                      scope="col"
                      className={omitted.has(c) ? 'omitted' : undefined}
                      title={omitted.has(c) ? t('results.perClass.leftOut') : undefined}
                    >
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {evaluated.map((m) => {
                  const r = results!.models[m.id];
                  return (
                    <tr key={m.id} data-testid={`per-class-${m.id}`}>
                      <th scope="row">
                        <Swatch color={m.color} /> {m.label}
                      </th>
                      {r.perClassErrors.map((e, c) => {
                        const acc = 1 - e / r.countPerClass[c];
                        return (
                          <td
                            key={c}
                            className="mono"
                            title={t('results.perClass.cellTitle', {
                              label: m.label,
                              errors: e,
                              total: r.countPerClass[c],
                              digit: c,
                            })}
                            data-class={c}
                            data-errors={e}
                          >
                            {(100 * acc).toFixed(acc === 1 ? 0 : 1)}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
                <tr
                  className="seen"
                  data-testid="seen-counts"
                  data-counts={seenClassCounts.join(',')}
                >
                  <th scope="row" title={t('results.perClass.seenTitle')}>
                    {t('results.perClass.seen')}
                  </th>
                  {seenClassCounts.map((n, c) => (
                    <td
                      key={c}
                      className="mono small"
                      title={t('results.perClass.seenCell', { n, digit: c })}
                    >
                      {n >= 10_000
                        ? `${Math.round(n / 1000)}k`
                        : n >= 1000
                          ? `${(n / 1000).toFixed(1)}k`
                          : n}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </ScrollBox>
          <p className="small">
            {t('results.perClass.note', {
              size: transferSize.toLocaleString('en-US'),
              omitted:
                omitted.size > 0
                  ? t('results.perClass.noDigits', { digits: [...omitted].join(', ') })
                  : '',
            })}
          </p>
          <BiasControl
            classes={biasClasses}
            shift={biasShift}
            onChange={onBias}
            appliesTo={adjusted}
          />
        </div>
        <div>
          {shown && (
            <div className="matrix-head">
              <span>{t('results.perClass.matrixOf')}</span>
              <select
                aria-label={t('results.perClass.matrixModel')}
                value={shown.id}
                onChange={(e) => setPicked(e.target.value)}
              >
                {evaluated.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.label}
                  </option>
                ))}
              </select>
            </div>
          )}
          {shown && results?.models[shown.id] ? (
            <ConfusionMatrix
              matrix={results.models[shown.id].confusion}
              name={shown.label}
              onCell={
                onCell &&
                ((trueClass, predictedClass) =>
                  onCell({ member: shown.id, trueClass, predictedClass }))
              }
            />
          ) : (
            <p className="placeholder">{t('results.perClass.waiting')}</p>
          )}
        </div>
      </div>
    </section>
  );
}

export const PerClassPanel = memo(
  PerClassPanelView,
  (a, b) =>
    a.results === b.results &&
    a.members === b.members &&
    a.biasClasses === b.biasClasses &&
    a.biasShift === b.biasShift &&
    a.onBias === b.onBias &&
    a.transferSize === b.transferSize &&
    a.onCell === b.onCell &&
    a.seenClassCounts.join() === b.seenClassCounts.join(),
);
