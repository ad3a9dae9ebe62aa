import { memo } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { EvaluationPoint, RosterEntry } from '../../engine/protocol.ts';
import { firstDistilled } from '../roster/rosterView.ts';
import { ChartLegend } from './ChartLegend.tsx';
import {
  CHART_MARGIN,
  EPOCH_AXIS_PROPS,
  epochLabel,
  GRID_PROPS,
  percent,
  yAxisLabel,
  zoomedLow,
} from './chartStyle.ts';

/** A horizontal line at a member's accuracy (a pretrained teacher: it does not train here). */
export interface AccuracyReference {
  id: string;
  label: string;
  color: string;
  value: number;
}

interface Props {
  points: EvaluationPoint[];
  members: readonly RosterEntry[];
  references: readonly AccuracyReference[];
}

/** Test accuracy of each member against its own epochs of training. */
function AccuracyChartView({ points, members, references }: Props) {
  const values = points.flatMap((p) => Object.values(p.accuracy));
  const low = zoomedLow(values);
  const emphasized = firstDistilled(members)?.id;
  const legend = members.map((m) => ({
    name: m.label,
    color: m.color,
    width: m.id === emphasized ? 2 : undefined,
  }));
  const last = points.at(-1);
  const summary = last
    ? members
        .filter((m) => last.accuracy[m.id] !== undefined)
        .map((m) => `${m.label} ${percent(last.accuracy[m.id])}`)
        .join(', ')
    : '';
  return (
    <section
      className="panel chart"
      aria-labelledby="acc-title"
      data-testid="accuracy-chart"
      data-points={points.length}
    >
      <h2 id="acc-title">Test accuracy (10,000 digits)</h2>
      <ChartLegend items={legend} />
      <div
        className="chart-box"
        role="img"
        aria-label={
          summary
            ? `Test accuracy over epochs; latest: ${summary} at epoch ${last!.epoch.toFixed(2)}.`
            : 'Test accuracy over epochs: no evaluation yet.'
        }
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={CHART_MARGIN}>
            <CartesianGrid {...GRID_PROPS} />
            <XAxis {...EPOCH_AXIS_PROPS} />
            <YAxis
              domain={[low, 1]}
              allowDataOverflow
              tickFormatter={percent}
              fontSize={12}
              width={58}
              label={yAxisLabel('accuracy')}
            />
            <Tooltip formatter={(v) => percent(Number(v))} labelFormatter={epochLabel} />
            {references.map((r) => (
              <ReferenceLine
                key={r.id}
                y={r.value}
                stroke={r.color}
                strokeDasharray="6 4"
                label={{
                  value: `pretrained ${r.label} ${percent(r.value)}`,
                  position: 'insideBottomRight',
                  fontSize: 11,
                  fill: r.color,
                }}
              />
            ))}
            {members.map((m) => (
              <Line
                key={m.id}
                dataKey={(p: EvaluationPoint) => p.accuracy[m.id]}
                name={m.label}
                stroke={m.color}
                strokeWidth={m.id === emphasized ? 2 : undefined}
                dot={{ r: 2 }}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}

const referencesKey = (rs: readonly AccuracyReference[]) =>
  rs.map((r) => `${r.id}:${r.value}`).join();

/** Re-renders only when a point is added, the run's members or a reference change. */
export const AccuracyChart = memo(
  AccuracyChartView,
  (a, b) =>
    a.points.length === b.points.length &&
    a.points.at(-1)?.epoch === b.points.at(-1)?.epoch &&
    a.members === b.members &&
    referencesKey(a.references) === referencesKey(b.references),
);
