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
import type { AccuracyPoint } from '../../engine/protocol.ts';
import { MODEL_COLORS } from '../modelColors.ts';
import { ChartLegend, type LegendItem } from './ChartLegend.tsx';
import { CHART_MARGIN, EPOCH_AXIS_PROPS, epochLabel, GRID_PROPS } from './chartStyle.ts';

const percent = (v: number) => `${(100 * v).toFixed(1)}%`;

const LEGEND: LegendItem[] = [
  { name: 'teacher', color: MODEL_COLORS.teacher },
  { name: 'distilled student', color: MODEL_COLORS.distilled, width: 2 },
  { name: 'control student (hard labels)', color: MODEL_COLORS.control },
];

/** Test accuracy of each model against its own epochs of training. */
function AccuracyChartView({
  points,
  teacherReference,
}: {
  points: AccuracyPoint[];
  teacherReference?: number;
}) {
  const values = points
    .flatMap((p) => [p.teacher, p.distilled, p.control])
    .filter((v): v is number => v !== undefined);
  // Zoom to where the curves are: MNIST accuracies bunch up near 100%.
  const low = values.length
    ? Math.max(0, Math.floor(Math.min(...values.filter((v) => v > 0.5), 0.95) * 20) / 20)
    : 0.8;
  return (
    <section
      className="panel chart"
      aria-labelledby="acc-title"
      data-testid="accuracy-chart"
      data-points={points.length}
    >
      <h2 id="acc-title">Test accuracy (10,000 digits)</h2>
      <ChartLegend items={LEGEND} />
      <div className="chart-box">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={CHART_MARGIN}>
            <CartesianGrid {...GRID_PROPS} />
            <XAxis {...EPOCH_AXIS_PROPS} />
            <YAxis
              domain={[low, 1]}
              allowDataOverflow
              tickFormatter={percent}
              fontSize={12}
              width={52}
            />
            <Tooltip formatter={(v) => percent(Number(v))} labelFormatter={epochLabel} />
            {teacherReference !== undefined && (
              <ReferenceLine
                y={teacherReference}
                stroke={MODEL_COLORS.teacher}
                strokeDasharray="6 4"
                label={{
                  value: `pretrained teacher ${percent(teacherReference)}`,
                  position: 'insideBottomRight',
                  fontSize: 11,
                  fill: MODEL_COLORS.teacher,
                }}
              />
            )}
            <Line
              dataKey="teacher"
              name="teacher"
              stroke={MODEL_COLORS.teacher}
              dot={{ r: 2 }}
              connectNulls
              isAnimationActive={false}
            />
            <Line
              dataKey="distilled"
              name="distilled student"
              stroke={MODEL_COLORS.distilled}
              strokeWidth={2}
              dot={{ r: 2 }}
              connectNulls
              isAnimationActive={false}
            />
            <Line
              dataKey="control"
              name="control student (hard labels)"
              stroke={MODEL_COLORS.control}
              dot={{ r: 2 }}
              connectNulls
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}

/** Re-renders only when a point is added or the reference moves, not on every snapshot. */
export const AccuracyChart = memo(
  AccuracyChartView,
  (a, b) =>
    a.points.length === b.points.length &&
    a.points.at(-1)?.epoch === b.points.at(-1)?.epoch &&
    a.teacherReference === b.teacherReference,
);
