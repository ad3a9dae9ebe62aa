import { useTranslation } from 'react-i18next';
import type { RosterEntry } from '../../engine/protocol.ts';
import { byteDecades, formatBytes, logPosition, roundTicks } from './sizeScale.ts';

const W = 520;
const H = 260;
const PAD = { left: 66, right: 36, top: 14, bottom: 40 };

export interface ScatterPoint {
  member: RosterEntry;
  bytes: number;
  errors: number;
  int8: boolean;
}

/** A mark per kind of member: teachers ◆, distilled learners ●, hard-label learners ■. */
function Mark({ point, x, y }: { point: ScatterPoint; x: number; y: number }) {
  const { member, int8 } = point;
  const fill = int8 ? 'var(--panel)' : member.color;
  const common = { stroke: member.color, strokeWidth: 2, fill };
  if (member.role === 'teacher') {
    return <path d={`M${x} ${y - 7}L${x + 7} ${y}L${x} ${y + 7}L${x - 7} ${y}Z`} {...common} />;
  }
  if (member.origin === 'hard labels')
    return <rect x={x - 5.5} y={y - 5.5} width={11} height={11} {...common} />;
  return <circle cx={x} cy={y} r={6} {...common} />;
}

/** Test errors against stored size (log scale), float32 filled and 8-bit hollow, joined by a line. */
export function SizeScatter({ points }: { points: ScatterPoint[] }) {
  const { t } = useTranslation();
  if (points.length === 0) return null;
  const decades = byteDecades(
    Math.min(...points.map((p) => p.bytes)),
    Math.max(...points.map((p) => p.bytes)),
  );
  const yTicks = roundTicks(Math.max(10, ...points.map((p) => p.errors)));
  const top = yTicks[yTicks.length - 1];
  const px = (bytes: number) => PAD.left + logPosition(bytes, decades) * (W - PAD.left - PAD.right);
  const py = (errors: number) => PAD.top + (1 - errors / top) * (H - PAD.top - PAD.bottom);
  const pairs = points.filter((p) => !p.int8);
  return (
    <svg
      className="size-scatter"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={t('inside.size.plot')}
    >
      {yTicks.map((t) => (
        <g key={t}>
          <line x1={PAD.left} x2={W - PAD.right} y1={py(t)} y2={py(t)} className="grid-line" />
          <text x={PAD.left - 6} y={py(t) + 4} textAnchor="end" className="axis-text">
            {t}
          </text>
        </g>
      ))}
      {decades.map((d) => (
        <text key={d} x={px(d)} y={H - PAD.bottom + 16} textAnchor="middle" className="axis-text">
          {formatBytes(d)}
        </text>
      ))}
      <text x={(PAD.left + W - PAD.right) / 2} y={H - 4} textAnchor="middle" className="axis-title">
        {t('inside.size.xAxis')}
      </text>
      <text
        transform={`translate(12 ${(PAD.top + H - PAD.bottom) / 2}) rotate(-90)`}
        textAnchor="middle"
        className="axis-title"
      >
        {t('inside.size.yAxis')}
      </text>
      {pairs.map((p) => {
        const q = points.find((o) => o.int8 && o.member.id === p.member.id);
        return q ? (
          <line
            key={`pair-${p.member.id}`}
            x1={px(p.bytes)}
            y1={py(p.errors)}
            x2={px(q.bytes)}
            y2={py(q.errors)}
            stroke={p.member.color}
            strokeDasharray="3 3"
          />
        ) : null;
      })}
      {points.map((p) => (
        <g key={`${p.member.id}-${p.int8}`} data-testid="size-point">
          <title>
            {t(p.int8 ? 'inside.size.pointInt8' : 'inside.size.point', {
              label: p.member.label,
              errors: p.errors,
              bytes: formatBytes(p.bytes),
            })}
          </title>
          <Mark point={p} x={px(p.bytes)} y={py(p.errors)} />
        </g>
      ))}
    </svg>
  );
}
