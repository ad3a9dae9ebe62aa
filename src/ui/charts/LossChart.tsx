import { memo, useMemo } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { LossPoint } from '../../engine/protocol.ts';
import { MODEL_COLORS } from '../modelColors.ts';
import { ChartLegend, type LegendItem } from './ChartLegend.tsx';
import { useThrottled } from '../useThrottled.ts';
import { CHART_MARGIN, EPOCH_AXIS_PROPS, epochLabel, GRID_PROPS } from './chartStyle.ts';

const MAX_POINTS = 200;
/** The curve gains a point every second or two; redrawing it costs 30–60 ms here. */
const REDRAW_INTERVAL_MS = 2500;

/**
 * The total is a wide pale band under its two terms: at high T and low α the soft term is nearly
 * all of it, and a dashed line drawn over a solid one of the same colour would vanish.
 */
const TOTAL_STROKE = { width: 6, opacity: 0.3 };

const LEGEND: LegendItem[] = [
  { name: 'distilled: total', color: MODEL_COLORS.distilled, ...TOTAL_STROKE },
  { name: 'α·CE (hard)', color: MODEL_COLORS.distilled, dash: '2 3' },
  { name: '(1−α)·T²·KL (soft)', color: MODEL_COLORS.distilled, dash: '8 4' },
  { name: 'control: CE', color: MODEL_COLORS.control },
  { name: 'teacher: CE', color: MODEL_COLORS.teacher },
];

/** Keeps at most MAX_POINTS evenly spaced points (the last one always), so long runs stay cheap. */
function decimate<T>(points: T[]): T[] {
  if (points.length <= MAX_POINTS) return points;
  const stride = points.length / MAX_POINTS;
  const out: T[] = [];
  for (let i = 0; i < MAX_POINTS - 1; i++) out.push(points[Math.floor(i * stride)]);
  out.push(points[points.length - 1]);
  return out;
}

/** Training losses: the distilled student's total and its two terms, the control's CE, the teacher's CE. */
function LossChartView({ points: latest }: { points: LossPoint[] }) {
  // The first point and a reset (no points) show at once.
  const points = useThrottled(latest, latest.length < 2 ? 0 : REDRAW_INTERVAL_MS);
  const data = useMemo(() => decimate(points), [points]);
  return (
    <section
      className="panel chart"
      aria-labelledby="loss-title"
      data-testid="loss-chart"
      data-points={points.length}
    >
      <h2 id="loss-title">Training loss (log scale)</h2>
      <ChartLegend items={LEGEND} />
      <div className="chart-box">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={CHART_MARGIN}>
            <CartesianGrid {...GRID_PROPS} />
            <XAxis {...EPOCH_AXIS_PROPS} />
            <YAxis
              scale="log"
              domain={['auto', 'auto']}
              allowDataOverflow
              tickFormatter={(v: number) => v.toPrecision(2)}
              fontSize={12}
              width={52}
            />
            <Tooltip formatter={(v) => Number(v).toPrecision(3)} labelFormatter={epochLabel} />
            <Line
              dataKey="total"
              name="distilled: total"
              stroke={MODEL_COLORS.distilled}
              strokeWidth={TOTAL_STROKE.width}
              strokeOpacity={TOTAL_STROKE.opacity}
              dot={false}
              isAnimationActive={false}
            />
            <Line
              dataKey="hard"
              name="α·CE (hard)"
              stroke={MODEL_COLORS.distilled}
              strokeDasharray="2 3"
              dot={false}
              isAnimationActive={false}
            />
            <Line
              dataKey="soft"
              name="(1−α)·T²·KL (soft)"
              stroke={MODEL_COLORS.distilled}
              strokeDasharray="8 4"
              dot={false}
              isAnimationActive={false}
            />
            <Line
              dataKey="control"
              name="control: CE"
              stroke={MODEL_COLORS.control}
              dot={false}
              isAnimationActive={false}
            />
            <Line
              dataKey="teacher"
              name="teacher: CE"
              stroke={MODEL_COLORS.teacher}
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}

/** Re-renders only when a loss point is added, not on every snapshot or slider move. */
export const LossChart = memo(
  LossChartView,
  (a, b) =>
    a.points.length === b.points.length && a.points.at(-1)?.epoch === b.points.at(-1)?.epoch,
);
