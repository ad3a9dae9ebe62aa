import type { Snapshot } from '../../engine/protocol.ts';

const ROWS = [
  ['teacher', 'Teacher 784-1200-1200-10'],
  ['distilled', 'Distilled student'],
  ['control', 'Control student (hard labels only)'],
] as const;

/** Latest test errors and accuracy, and what distillation bought over the control. */
export function ResultsSummary({
  snapshot,
  studentSize,
}: {
  snapshot: Snapshot | null;
  studentSize: string;
}) {
  const latest = snapshot?.latest;
  const testSize = latest?.testSize || 10_000;
  const gain =
    latest?.distilled !== undefined && latest.control !== undefined
      ? latest.control - latest.distilled
      : undefined;
  return (
    <section className="panel results" aria-labelledby="results-title">
      <h2 id="results-title">Test results</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Errors / {testSize.toLocaleString('en-US')}</th>
            <th scope="col">Accuracy</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map(([role, name]) => {
            const errors = latest?.[role];
            return (
              <tr key={role} data-testid={`result-${role}`}>
                <th scope="row">
                  <span className={`swatch ${role}`} />{' '}
                  {role === 'teacher' ? name : `${name}, ${studentSize}`}
                </th>
                <td className="mono">{errors ?? '–'}</td>
                <td className="mono" data-testid={`accuracy-${role}`}>
                  {errors === undefined ? '–' : `${(100 * (1 - errors / testSize)).toFixed(2)}%`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {gain !== undefined && (
        <p className="small">
          {gain > 0
            ? `Distillation so far: ${gain} fewer test errors than the control student.`
            : gain < 0
              ? `The control student is ahead by ${-gain} errors so far; the soft targets usually pay off over more epochs.`
              : 'Both students make the same number of errors so far.'}
        </p>
      )}
    </section>
  );
}
