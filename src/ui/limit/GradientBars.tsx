import { useTranslation } from 'react-i18next';
import { NUM_CLASSES } from '../../data/mnistAssets.ts';

const W = 560;
const H = 220;
const PAD = { left: 8, right: 8, top: 12, bottom: 26 };

interface Props {
  exact: Float64Array;
  approximation: Float64Array;
  color: string;
  trueLabel: number;
}

const format = (x: number) => (Math.abs(x) >= 0.01 || x === 0 ? x.toFixed(3) : x.toExponential(1));

/**
 * Per class, the exact gradient (filled, the learner's colour) beside its high-T approximation
 * (outlined), from a zero line; one scale for both so their lengths compare.
 */
export function GradientBars({ exact, approximation, color, trueLabel }: Props) {
  const { t } = useTranslation();
  const scale = Math.max(1e-12, ...[...exact, ...approximation].map(Math.abs));
  const zeroY = PAD.top + (H - PAD.top - PAD.bottom) / 2;
  const half = (H - PAD.top - PAD.bottom) / 2;
  const slot = (W - PAD.left - PAD.right) / NUM_CLASSES;
  const barW = slot * 0.32;
  const bar = (value: number, x: number, kind: 'exact' | 'limit', c: number) => {
    const h = (Math.abs(value) / scale) * half;
    const y = value >= 0 ? zeroY - h : zeroY;
    return (
      <rect
        x={x}
        y={y}
        width={barW}
        height={Math.max(h, 0.5)}
        fill={kind === 'exact' ? color : 'none'}
        stroke={kind === 'exact' ? color : 'var(--ink)'}
        strokeWidth={kind === 'exact' ? 0 : 1.5}
        strokeDasharray={kind === 'limit' ? '4 2' : undefined}
        data-kind={kind}
        data-class={c}
        data-value={value}
      />
    );
  };
  return (
    <svg
      className="gradient-bars"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={t('explore.limit.bars')}
    >
      <line x1={PAD.left} x2={W - PAD.right} y1={zeroY} y2={zeroY} className="zero-line" />
      {Array.from({ length: NUM_CLASSES }, (_, c) => {
        const x0 = PAD.left + c * slot + slot * 0.15;
        return (
          <g key={c}>
            <title>
              {t('explore.limit.barTitle', {
                c,
                exact: format(exact[c]),
                limit: format(approximation[c]),
              })}
            </title>
            {c === trueLabel && (
              <rect
                x={PAD.left + c * slot}
                y={PAD.top}
                width={slot}
                height={H - PAD.top - PAD.bottom}
                className="true-band"
              />
            )}
            {bar(exact[c], x0, 'exact', c)}
            {bar(approximation[c], x0 + barW + 2, 'limit', c)}
            <text
              x={PAD.left + c * slot + slot / 2}
              y={H - 8}
              textAnchor="middle"
              className="axis-text"
            >
              {c}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
