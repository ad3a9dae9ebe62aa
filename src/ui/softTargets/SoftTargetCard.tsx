import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { IMAGE_SIZE, NUM_CLASSES } from '../../data/mnistAssets.ts';
import { logitMatchingMse } from '../../kd/plain.ts';
import type { SampleDigits } from '../../engine/protocol.ts';
import type { MemberLook } from '../roster/rosterView.ts';
import { DigitImage } from './DigitImage.tsx';
import { formatProbability } from './formatProbability.ts';
import { ProbabilityBars, type BarSeries } from './ProbabilityBars.tsx';

function topClasses(p: Float64Array, k: number): string {
  return Array.from(p.keys())
    .sort((a, b) => p[b] - p[a])
    .slice(0, k)
    .map((c) => `${c}: ${formatProbability(p[c])}`)
    .join(', ');
}

/** A pair whose logits the card compares (a learner and its first teacher). */
export interface LogitPair {
  learner: MemberLook;
  teacher: MemberLook;
  learnerLogits: Float32Array;
  teacherLogits: Float32Array;
}

/** One sample digit: its image, the top classes of the first teacher shown, and the bars. */
function SoftTargetCardView({
  samples,
  k,
  series,
  pair,
  logScale,
}: {
  samples: SampleDigits;
  /** Index of the digit among the samples. */
  k: number;
  series: BarSeries[];
  pair: LogitPair | null;
  logScale: boolean;
}) {
  const { t } = useTranslation();
  const label = samples.labels[k];
  const teacher = series[0];
  const row = (logits: Float32Array) => logits.subarray(k * NUM_CLASSES, (k + 1) * NUM_CLASSES);
  const mse = pair
    ? logitMatchingMse(row(pair.learnerLogits), row(pair.teacherLogits), 1, NUM_CLASSES)
    : null;
  return (
    <figure className="digit-card" data-testid="digit-card" data-label={label} data-k={k}>
      <div className="digit-card-head">
        <DigitImage
          pixels={samples.pixels.subarray(k * IMAGE_SIZE, (k + 1) * IMAGE_SIZE)}
          label={t('targets.card.image', { label })}
        />
        <figcaption>
          <strong>{t('targets.card.trueLabel', { label })}</strong>
          {teacher && (
            <span className="small card-top">
              {t('targets.card.top', {
                name: teacher.name,
                classes: topClasses(teacher.probabilities, 3),
              })}
            </span>
          )}
          {mse !== null && pair && (
            <span
              className="small"
              title={t('targets.card.mseTitle', {
                learner: pair.learner.label,
                teacher: pair.teacher.label,
              })}
            >
              {t('targets.card.mse', { value: mse.toFixed(2) })}
            </span>
          )}
        </figcaption>
      </div>
      {series.length > 0 ? (
        <ProbabilityBars logScale={logScale} trueLabel={label} series={series} heightsFromParent />
      ) : (
        <p className="placeholder">{t('targets.card.waiting')}</p>
      )}
    </figure>
  );
}

/** The bars' heights are written by the panel (SoftTargetPanel), at every step of a T drag. */
export const SoftTargetCard = memo(
  SoftTargetCardView,
  (a, b) =>
    a.samples === b.samples &&
    a.k === b.k &&
    a.series === b.series &&
    a.logScale === b.logScale &&
    a.pair?.learner === b.pair?.learner &&
    a.pair?.teacher === b.pair?.teacher &&
    a.pair?.learnerLogits === b.pair?.learnerLogits &&
    a.pair?.teacherLogits === b.pair?.teacherLogits,
);
