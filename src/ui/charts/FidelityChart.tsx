import { useTranslation } from 'react-i18next';
import { Tooltip, YAxis } from 'recharts';
import type { EvaluationPoint, RosterEntry } from '../../engine/protocol.ts';
import { formatKl } from '../fidelityText.ts';
import { firstDistilled, labelOf, taughtLearners } from '../roster/rosterView.ts';
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
}

/**
 * Fidelity (Stanton et al. 2021, “Does Knowledge Distillation Really Work?”): how often each
 * learner's top-1 prediction on the test set agrees with its teacher's, over its epochs; the
 * tooltip adds KL(teacher ‖ learner) at T = 1.
 */
function FidelityChartView({ points, members }: Props) {
  const { t } = useTranslation();
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
            t('charts.fidelity.agrees', {
              learner: m.label,
              teachers: m.teachers.map((id) => labelOf(members, id)).join(t('charts.fidelity.and')),
              percent: percent(last.agreement[m.id]),
            }) +
            (last.kl[m.id] !== undefined
              ? t('charts.fidelity.kl', { kl: formatKl(last.kl[m.id]) })
              : ''),
        )
        .join(t('charts.fidelity.separator'))
    : '';
  return (
    <ChartPanel
      titleId="fidelity-title"
      testId="fidelity-chart"
      title={t('charts.fidelity.title')}
      legend={memberLegend(learners, emphasized)}
      description={
        summary
          ? t('charts.fidelity.description', { epoch: last!.epoch.toFixed(2), summary })
          : t('charts.fidelity.empty')
      }
      data={shown}
      columns={memberColumns(learners, 'agreement')}
      pointCount={shown.length}
      note={<p className="small chart-note">{t('charts.fidelity.note')}</p>}
    >
      <YAxis {...percentAxisProps(low, t('charts.fidelity.axis'))} />
      <Tooltip
        labelFormatter={epochLabel(t)}
        formatter={(v, name, item) => {
          const id = byLabel.get(String(name));
          const kl = id === undefined ? undefined : (item.payload as EvaluationPoint).kl[id];
          return (
            t('charts.fidelity.tooltip', { percent: percent(Number(v)) }) +
            (kl === undefined ? '' : t('charts.fidelity.tooltipKl', { kl: formatKl(kl) }))
          );
        }}
      />
      {memberLines(learners, 'agreement', emphasized)}
    </ChartPanel>
  );
}

/** Re-renders only when a point is added or the run's members change, at its turn among the charts. */
export const FidelityChart = takingTurns(FidelityChartView, samePointsAndMembers);
