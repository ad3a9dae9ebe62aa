import { memo } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { EvaluationPoint, RosterEntry } from '../../engine/protocol.ts';
import { formatKl } from '../fidelityText.ts';
import { firstDistilled, labelOf, taughtLearners } from '../roster/rosterView.ts';
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

interface Props {
  points: EvaluationPoint[];
  members: readonly RosterEntry[];
}

/**
 * Fidelity (Stanton et al. 2021, “Does Knowledge Distillation Really Work?”): how often each
 * learner's top-1 prediction on the test set agrees with its teacher's, over its epochs; the
 * tooltip adds KL(teacher ‖ learner) at T = 1.
 */
function FidelityChartView({ points, members }: Props) {
  const learners = taughtLearners(members);
  const emphasized = firstDistilled(members)?.id;
  const byLabel = new Map(learners.map((m) => [m.label, m.id]));
  const values = points.flatMap((p) => Object.values(p.agreement));
  const low = zoomedLow(values);
  const shown = points.filter((p) => learners.some((m) => p.agreement[m.id] !== undefined));
  const last = shown.at(-1);
  const summary = last
    ? learners
        .filter((m) => last.agreement[m.id] !== undefined)
        .map(
          (m) =>
            `${m.label} agrees with ${m.teachers.map((t) => labelOf(members, t)).join(' and ')} on ${percent(last.agreement[m.id])}` +
            (last.kl[m.id] !== undefined ? ` (KL ${formatKl(last.kl[m.id])} nats)` : ''),
        )
        .join('; ')
    : '';
  return (
    <section
      className="panel chart"
      aria-labelledby="fidelity-title"
      data-testid="fidelity-chart"
      data-points={shown.length}
    >
      <h2 id="fidelity-title">Agreement with the teacher (test digits)</h2>
      <ChartLegend
        items={learners.map((m) => ({
          name: m.label,
          color: m.color,
          width: m.id === emphasized ? 2 : undefined,
        }))}
      />
      <div
        className="chart-box"
        role="img"
        aria-label={
          summary
            ? `Top-1 agreement with the teacher over epochs; latest, at epoch ${last!.epoch.toFixed(2)}: ${summary}.`
            : 'Top-1 agreement with the teacher over epochs: no evaluation of a student yet.'
        }
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={shown} margin={CHART_MARGIN}>
            <CartesianGrid {...GRID_PROPS} />
            <XAxis {...EPOCH_AXIS_PROPS} />
            <YAxis
              domain={[low, 1]}
              allowDataOverflow
              tickFormatter={percent}
              fontSize={12}
              width={58}
              label={yAxisLabel('same top-1 class')}
            />
            <Tooltip
              labelFormatter={epochLabel}
              formatter={(v, name, item) => {
                const id = byLabel.get(String(name));
                const kl = id === undefined ? undefined : (item.payload as EvaluationPoint).kl[id];
                return `${percent(Number(v))} agree${kl === undefined ? '' : ` · KL ${formatKl(kl)} nats`}`;
              }}
            />
            {learners.map((m) => (
              <Line
                key={m.id}
                dataKey={(p: EvaluationPoint) => p.agreement[m.id]}
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
      <p className="small chart-note">
        Share of test digits on which the student&apos;s most likely class is the teacher&apos;s.
        High accuracy does not need high agreement: a student can be right where the teacher is
        wrong.
      </p>
    </section>
  );
}

/** Re-renders only when a point is added or the run's members change. */
export const FidelityChart = memo(
  FidelityChartView,
  (a, b) =>
    a.points.length === b.points.length &&
    a.points.at(-1)?.epoch === b.points.at(-1)?.epoch &&
    a.members === b.members,
);
