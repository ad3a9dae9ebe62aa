import { memo, useState } from 'react';
import { NUM_CLASSES } from '../../data/mnistAssets.ts';
import { BiasControl } from './BiasControl.tsx';
import { ConfusionMatrix } from './ConfusionMatrix.tsx';
import type { Role, TestResults } from './useTestResults.ts';

const NAMES: Record<Role, string> = {
  teacher: 'teacher',
  distilled: 'distilled student',
  control: 'control student',
};

interface Props {
  results: TestResults | null;
  biasClasses: string;
  biasShift: number;
  onBias: (patch: { biasClasses?: string; biasShift?: number }) => void;
  seenClassCounts: number[];
  transferSize: number;
}

/** Per-class accuracy of every model, a confusion matrix, the bias control, and what the students saw. */
function PerClassPanelView({
  results,
  biasClasses,
  biasShift,
  onBias,
  seenClassCounts,
  transferSize,
}: Props) {
  const [shown, setShown] = useState<Role>('distilled');
  const roles = (['teacher', 'distilled', 'control'] as const).filter((r) => results?.models[r]);
  const matrixRole = results?.models[shown] ? shown : roles[0];
  const omitted = new Set(results?.omitted ?? []);
  return (
    <section className="panel per-class" aria-labelledby="per-class-title">
      <h2 id="per-class-title">Per-class results</h2>
      <div className="per-class-grid">
        <div>
          <div className="scroll-x">
            <table className="per-class-table">
              <thead>
                <tr>
                  <th scope="col">digit</th>
                  {[...Array(NUM_CLASSES).keys()].map((c) => (
                    <th
                      key={c}
                      scope="col"
                      className={omitted.has(c) ? 'omitted' : undefined}
                      title={omitted.has(c) ? 'left out of the transfer set' : undefined}
                    >
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {roles.map((role) => {
                  const r = results!.models[role]!;
                  return (
                    <tr key={role} data-testid={`per-class-${role}`}>
                      <th scope="row">
                        <span className={`swatch ${role}`} /> {role}
                      </th>
                      {r.perClassErrors.map((e, c) => {
                        const acc = 1 - e / r.countPerClass[c];
                        return (
                          <td
                            key={c}
                            className="mono"
                            title={`${NAMES[role]}: ${e} errors on ${r.countPerClass[c]} test ${c}s`}
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
                  <th
                    scope="row"
                    title="Training examples of each digit the students have seen so far"
                  >
                    seen
                  </th>
                  {seenClassCounts.map((n, c) => (
                    <td
                      key={c}
                      className="mono small"
                      title={`the students have trained on ${n} examples of ${c}`}
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
          </div>
          <p className="small">
            Test accuracy (%) per digit. Transfer set: {transferSize.toLocaleString('en-US')}{' '}
            training digits
            {omitted.size > 0 ? `, no ${[...omitted].join(', ')}` : ''}. “seen”: examples the
            students have trained on.
          </p>
          <BiasControl classes={biasClasses} shift={biasShift} onChange={onBias} />
        </div>
        <div>
          {roles.length > 0 && (
            <div className="matrix-head">
              <span>Confusion matrix of the</span>
              <select
                aria-label="Model for the confusion matrix"
                value={matrixRole ?? 'distilled'}
                onChange={(e) => setShown(e.target.value as Role)}
              >
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {NAMES[r]}
                  </option>
                ))}
              </select>
            </div>
          )}
          {matrixRole && results?.models[matrixRole] ? (
            <ConfusionMatrix
              matrix={results.models[matrixRole]!.confusion}
              name={NAMES[matrixRole]}
            />
          ) : (
            <p className="placeholder">Appears after the first evaluation.</p>
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
    a.biasClasses === b.biasClasses &&
    a.biasShift === b.biasShift &&
    a.onBias === b.onBias &&
    a.transferSize === b.transferSize &&
    a.seenClassCounts.join() === b.seenClassCounts.join(),
);
