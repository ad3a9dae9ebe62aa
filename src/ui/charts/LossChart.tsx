import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Line, Tooltip, YAxis } from 'recharts';
import type { LossPoint, RosterEntry } from '../../engine/protocol.ts';
import { useThrottled } from '../useThrottled.ts';
import { ChartPanel } from './ChartPanel.tsx';
import { useChartTurn } from './chartTurn.tsx';
import { epochLabel, samePointsAndMembers, yAxisLabel } from './chartStyle.ts';
import { lossSeries } from './lossSeries.ts';

const MAX_POINTS = 200;
/** The curve gains a point every second or two; redrawing it costs 30–60 ms here. */
const REDRAW_INTERVAL_MS = 2500;

/** Keeps at most MAX_POINTS evenly spaced points (the last one always), so long runs stay cheap. */
function decimate<T>(points: T[]): T[] {
  if (points.length <= MAX_POINTS) return points;
  const stride = points.length / MAX_POINTS;
  const out: T[] = [];
  for (let i = 0; i < MAX_POINTS - 1; i++) out.push(points[Math.floor(i * stride)]);
  out.push(points[points.length - 1]);
  return out;
}

interface Props {
  points: LossPoint[];
  members: readonly RosterEntry[];
}

/** Training losses: each learner's terms and total, and a teacher's CE while it trains. */
function LossChartView({ points, members }: Props) {
  const { t } = useTranslation();
  const data = useMemo(() => decimate(points), [points]);
  const series = useMemo(() => lossSeries(members, t), [members, t]);
  const last = points.at(-1);
  const summary = last
    ? series
        .map((s) => [s.name, s.value(last)] as const)
        .filter(([, v]) => v !== undefined)
        .map(([name, v]) => `${name} ${v!.toPrecision(3)}`)
        .join(t('charts.listSeparator'))
    : '';
  return (
    <ChartPanel
      titleId="loss-title"
      testId="loss-chart"
      title={t('charts.loss.title')}
      legend={series}
      description={
        summary
          ? t('charts.loss.description', { epoch: last!.epoch.toFixed(2), summary })
          : t('charts.loss.empty')
      }
      data={data}
      columns={series.map((s) => ({
        name: s.name,
        value: s.value,
        format: (v: number) => v.toPrecision(4),
      }))}
      pointCount={points.length}
    >
      <YAxis
        scale="log"
        domain={['auto', 'auto']}
        allowDataOverflow
        tickFormatter={(v: number) => v.toPrecision(2)}
        fontSize={12}
        width={58}
        label={yAxisLabel(t('charts.loss.axis'))}
      />
      <Tooltip formatter={(v) => Number(v).toPrecision(3)} labelFormatter={epochLabel(t)} />
      {series.map((s) => (
        <Line
          key={s.key}
          dataKey={s.value}
          name={s.name}
          stroke={s.color}
          strokeWidth={s.width}
          strokeOpacity={s.opacity}
          strokeDasharray={s.dash}
          dot={false}
          isAnimationActive={false}
        />
      ))}
    </ChartPanel>
  );
}

const DrawnLossChart = memo(LossChartView, samePointsAndMembers);

/**
 * Redraws at most every REDRAW_INTERVAL_MS, when a loss point was added or the run's members
 * changed, and then at its turn among the charts (chartTurn.tsx).
 */
export const LossChart = memo(function LossChart({ points: latest, members }: Props) {
  // The first point and a reset (no points) show at once.
  const points = useThrottled(latest, latest.length < 2 ? 0 : REDRAW_INTERVAL_MS);
  const throttled = useMemo(() => ({ points, members }), [points, members]);
  return <DrawnLossChart {...useChartTurn(throttled, samePointsAndMembers)} />;
}, samePointsAndMembers);
