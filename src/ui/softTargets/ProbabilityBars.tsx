import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { NUM_CLASSES } from '../../data/mnistAssets.ts';
import { formatProbability } from './formatProbability.ts';

/** Bars this low on the log scale are drawn at zero height. */
const LOG_FLOOR = 1e-8;

function barHeight(p: number, logScale: boolean): number {
  if (!logScale) return p;
  if (p <= LOG_FLOOR) return 0;
  return (Math.log10(p) - Math.log10(LOG_FLOOR)) / -Math.log10(LOG_FLOOR);
}

export interface BarSeries {
  /** The member's roster id. */
  model: string;
  name: string;
  color: string;
  probabilities: Float64Array;
}

/** Side-by-side bars per class; each bar's probability is in its title and accessible name. */
export function ProbabilityBars({
  series,
  logScale,
  trueLabel,
}: {
  series: BarSeries[];
  logScale: boolean;
  trueLabel: number;
}) {
  const { t } = useTranslation();
  // Bars share the class's width; the height is a vertical scale, so moving T needs no layout.
  const pairStyle = { '--bars': series.length } as CSSProperties;
  return (
    <div className="bars" role="group" aria-label={t('targets.bars')}>
      {Array.from({ length: NUM_CLASSES }, (_, c) => (
        <div key={c} className={`bar-class${c === trueLabel ? ' true-class' : ''}`}>
          <div className="bar-pair" style={pairStyle}>
            {series.map(({ model, name, color, probabilities }) => {
              const text = formatProbability(probabilities[c]);
              const label = `${name} p(${c}) = ${text}`;
              return (
                <div
                  key={model}
                  className="bar"
                  style={{
                    background: color,
                    transform: `scaleY(${barHeight(probabilities[c], logScale).toFixed(4)})`,
                  }}
                  title={label}
                  aria-label={label}
                  role="img"
                  data-model={model}
                  data-class={c}
                  data-p={text}
                />
              );
            })}
          </div>
          <span className="bar-label">{c}</span>
        </div>
      ))}
    </div>
  );
}
