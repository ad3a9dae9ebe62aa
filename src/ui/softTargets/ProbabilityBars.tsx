import { useLayoutEffect, useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { NUM_CLASSES } from '../../data/mnistAssets.ts';
import { barVariable, writeBarHeights } from './barHeights.ts';
import { formatProbability } from './formatProbability.ts';

export interface BarSeries {
  /** The member's roster id. */
  model: string;
  name: string;
  color: string;
  probabilities: Float64Array;
}

/**
 * Side-by-side bars per class; each bar's probability is in its title and accessible name. The
 * heights are CSS properties of the container (barHeights.ts): written here from `series`, or,
 * with `heightsFromParent`, by the parent, which redraws them without rendering this again.
 */
export function ProbabilityBars({
  series,
  logScale,
  trueLabel,
  heightsFromParent = false,
}: {
  series: BarSeries[];
  logScale: boolean;
  trueLabel: number;
  heightsFromParent?: boolean;
}) {
  const { t } = useTranslation();
  const bars = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (!heightsFromParent)
      writeBarHeights(
        bars.current,
        series.map((s) => s.probabilities),
        logScale,
      );
  });
  // Bars share the class's width; the height is a vertical scale, so moving T needs no layout.
  const pairStyle = { '--bars': series.length } as CSSProperties;
  return (
    <div ref={bars} className="bars" role="group" aria-label={t('targets.bars')}>
      {Array.from({ length: NUM_CLASSES }, (_, c) => (
        <div key={c} className={`bar-class${c === trueLabel ? ' true-class' : ''}`}>
          <div className="bar-pair" style={pairStyle}>
            {series.map(({ model, name, color, probabilities }, s) => {
              const text = formatProbability(probabilities[c]);
              const label = `${name} p(${c}) = ${text}`;
              return (
                <div
                  key={model}
                  className="bar"
                  style={{
                    background: color,
                    transform: `scaleY(var(${barVariable(s, c)}, 0))`,
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
