import { useEffect, useLayoutEffect, useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { NUM_CLASSES } from '../../data/mnistAssets.ts';
import { drawBars, watchCanvasSize } from './barCanvas.ts';
import { formatProbability } from './formatProbability.ts';

export interface BarSeries {
  /** The member's roster id. */
  model: string;
  name: string;
  color: string;
  probabilities: Float64Array;
}

/**
 * Side-by-side bars per class, drawn on a canvas (barCanvas.ts); over it, one transparent box per
 * bar carries its probability in its title and accessible name. The canvas is drawn here from
 * `series`, or, with `heightsFromParent`, by the parent, which redraws it at every step of a T
 * drag without rendering this again.
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
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => watchCanvasSize(canvas.current!), []);
  useLayoutEffect(() => {
    if (!heightsFromParent)
      drawBars(
        canvas.current,
        series.map((s) => ({ color: s.color, probabilities: s.probabilities })),
        logScale,
      );
  });
  const pairStyle = { '--bars': series.length } as CSSProperties;
  return (
    <div className="bars" role="group" aria-label={t('targets.bars')}>
      <canvas ref={canvas} className="bars-canvas" aria-hidden="true" />
      {Array.from({ length: NUM_CLASSES }, (_, c) => (
        <div key={c} className={`bar-class${c === trueLabel ? ' true-class' : ''}`}>
          <div className="bar-pair" style={pairStyle}>
            {series.map(({ model, name, probabilities }) => {
              const text = formatProbability(probabilities[c]);
              const label = `${name} p(${c}) = ${text}`;
              return (
                <div
                  key={model}
                  className="bar"
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
