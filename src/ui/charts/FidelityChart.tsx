import { memo } from 'react';
import { Tooltip, YAxis } from 'recharts';
import type { EvaluationPoint, RosterEntry } from '../../engine/protocol.ts';
import { formatKl } from '../fidelityText.ts';
import { firstDistilled, labelOf, taughtLearners } from '../roster/rosterView.ts';
import { ChartPanel } from './ChartPanel.tsx';
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
    <ChartPanel
      titleId="fidelity-title"
      testId="fidelity-chart"
      title="Agreement with the teacher (test digits)"
      legend={memberLegend(learners, emphasized)}
      description={
        summary
          ? `Top-1 agreement with the teacher over epochs; latest, at epoch ${last!.epoch.toFixed(2)}: ${summary}.`
          : 'Top-1 agreement with the teacher over epochs: no evaluation of a student yet.'
      }
      data={shown}
      columns={memberColumns(learners, 'agreement')}
      pointCount={shown.length}
      note={
        <p className="small chart-note">
          Share of test digits on which the student&apos;s most likely class is the teacher&apos;s.
          High accuracy does not need high agreement: a student can be right where the teacher is
          wrong.
        </p>
      }
    >
      <YAxis {...percentAxisProps(low, 'same top-1 class')} />
      <Tooltip
        labelFormatter={epochLabel}
        formatter={(v, name, item) => {
          const id = byLabel.get(String(name));
          const kl = id === undefined ? undefined : (item.payload as EvaluationPoint).kl[id];
          return `${percent(Number(v))} agree${kl === undefined ? '' : ` · KL ${formatKl(kl)} nats`}`;
        }}
      />
      {memberLines(learners, 'agreement', emphasized)}
    </ChartPanel>
  );
}

/** Re-renders only when a point is added or the run's members change. */
export const FidelityChart = memo(FidelityChartView, samePointsAndMembers);
