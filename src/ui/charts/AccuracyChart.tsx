import { useTranslation } from 'react-i18next';
import { ReferenceLine, Tooltip, YAxis } from 'recharts';
import type { EvaluationPoint, RosterEntry } from '../../engine/protocol.ts';
import { firstDistilled } from '../roster/rosterView.ts';
import { REFERENCE_LABEL_POSITIONS, type AccuracyReference } from './accuracyReferences.ts';
import { ChartPanel } from './ChartPanel.tsx';
import { takingTurns } from './chartTurn.tsx';
import {
  epochLabel,
  percent,
  percentAxisProps,
  samePointsAndMembers,
  zoomedLow,
} from './chartStyle.ts';
import { memberColumns, memberLegend, memberLines } from './memberLines.tsx';

interface Props {
  points: EvaluationPoint[];
  members: readonly RosterEntry[];
  references: readonly AccuracyReference[];
}

/** Test accuracy of each member against its own epochs of training. */
function AccuracyChartView({ points, members, references }: Props) {
  const { t } = useTranslation();
  const values = points.flatMap((p) => Object.values(p.accuracy));
  const low = zoomedLow(values);
  const emphasized = firstDistilled(members)?.id;
  const last = points.at(-1);
  const summary = last
    ? members
        .filter((m) => last.accuracy[m.id] !== undefined)
        .map((m) => `${m.label} ${percent(last.accuracy[m.id])}`)
        .join(t('charts.listSeparator'))
    : '';
  return (
    <ChartPanel
      titleId="acc-title"
      testId="accuracy-chart"
      title={t('charts.accuracy.title')}
      legend={memberLegend(members, emphasized)}
      description={
        summary
          ? t('charts.accuracy.description', { summary, epoch: last!.epoch.toFixed(2) })
          : t('charts.accuracy.empty')
      }
      data={points}
      columns={memberColumns(members, 'accuracy')}
      pointCount={points.length}
    >
      <YAxis {...percentAxisProps(low, t('charts.accuracy.axis'))} />
      <Tooltip formatter={(v) => percent(Number(v))} labelFormatter={epochLabel(t)} />
      {references.map((r, k) => (
        <ReferenceLine
          key={r.id}
          y={r.value}
          stroke={r.color}
          strokeDasharray="6 4"
          label={{
            value: `${r.label} ${percent(r.value)}`,
            position: REFERENCE_LABEL_POSITIONS[k % REFERENCE_LABEL_POSITIONS.length],
            fontSize: 11,
            fill: r.color,
          }}
        />
      ))}
      {memberLines(members, 'accuracy', emphasized)}
    </ChartPanel>
  );
}

const referencesKey = (rs: readonly AccuracyReference[]) =>
  rs.map((r) => `${r.id}:${r.value}`).join();

/**
 * Re-renders only when a point is added, the run's members or a reference change, and then at
 * its turn among the charts (chartTurn.tsx).
 */
export const AccuracyChart = takingTurns(
  AccuracyChartView,
  (a, b) =>
    samePointsAndMembers(a, b) && referencesKey(a.references) === referencesKey(b.references),
);
