import { Line } from 'recharts';
import type { EvaluationPoint, RosterEntry } from '../../engine/protocol.ts';
import type { LegendItem } from './ChartLegend.tsx';

/** A per-member measure of an evaluation point, 0–1, keyed by member id. */
export type MemberMeasure = 'accuracy' | 'agreement';

const widthOf = (id: string, emphasized: string | undefined) => (id === emphasized ? 2 : undefined);

/** The legend of a line per member; the emphasized member's is drawn thicker. */
export const memberLegend = (
  members: readonly RosterEntry[],
  emphasized: string | undefined,
): LegendItem[] =>
  members.map((m) => ({ name: m.label, color: m.color, width: widthOf(m.id, emphasized) }));

/** A line per member over epochs: its `measure` at each evaluation, gaps bridged. */
export const memberLines = (
  members: readonly RosterEntry[],
  measure: MemberMeasure,
  emphasized: string | undefined,
) =>
  members.map((m) => (
    <Line
      key={m.id}
      dataKey={(p: EvaluationPoint) => p[measure][m.id]}
      name={m.label}
      stroke={m.color}
      strokeWidth={widthOf(m.id, emphasized)}
      dot={{ r: 2 }}
      connectNulls
      isAnimationActive={false}
    />
  ));

/** The table columns of a per-member measure: one per member, in percent. */
export const memberColumns = (members: readonly RosterEntry[], measure: MemberMeasure) =>
  members.map((m) => ({
    name: m.label,
    value: (p: EvaluationPoint) => p[measure][m.id],
    format: (v: number) => `${(100 * v).toFixed(2)}%`,
  }));
