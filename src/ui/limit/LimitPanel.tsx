import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { IMAGE_SIZE, NUM_CLASSES } from '../../data/mnistAssets.ts';
import type { RosterEntry, SampleDigits } from '../../engine/protocol.ts';
import { softTermGradient } from '../../kd/softTermGradient.ts';
import { fromSliderPosition, SLIDER_STEPS, toSliderPosition } from '../../state/logScale.ts';
import { firstDistilled, taughtLearners } from '../roster/rosterView.ts';
import { DigitImage } from '../softTargets/DigitImage.tsx';
import { GradientBars } from './GradientBars.tsx';

/** This panel's T reaches far past the training slider's 50: the limit is at T → ∞. */
const T_MIN = 1;
const T_MAX = 1000;

interface Props {
  members: readonly RosterEntry[];
  samples: SampleDigits | null;
  sampleLogits: Readonly<Record<string, Float32Array>>;
  /** The page's T and α: this panel starts from them. */
  temperature: number;
  alpha: number;
}

const format = (x: number) => (Math.abs(x) >= 0.01 || x === 0 ? x.toFixed(3) : x.toExponential(1));

/**
 * Hinton et al. 2015, §2.1, live: the soft term's gradient for one digit, exact and in the
 * high-temperature limit, from the logits the worker sent for the sample digits (no training).
 */
export function LimitPanel({ members, samples, sampleLogits, temperature, alpha }: Props) {
  const { t } = useTranslation();
  const learners = taughtLearners(members);
  const [learnerId, setLearnerId] = useState<string | null>(null);
  const [digit, setDigit] = useState(3);
  const [ownT, setOwnT] = useState<number | null>(null);
  const [zeroMean, setZeroMean] = useState(true);
  const learner =
    learners.find((m) => m.id === learnerId) ?? firstDistilled(members) ?? learners[0];
  const T = ownT ?? temperature;
  const count = samples?.indices.length ?? 0;
  const k = Math.min(digit, Math.max(0, count - 1));
  const teacherId = learner?.teachers[0];
  const z = learner && sampleLogits[learner.id];
  const v = teacherId ? sampleLogits[teacherId] : undefined;
  const ready = samples && z && v && z.length === count * NUM_CLASSES && v.length === z.length;
  if (!learner) {
    return <p className="placeholder">{t('explore.limit.noLearner')}</p>;
  }
  const row = (l: Float32Array) => l.subarray(k * NUM_CLASSES, (k + 1) * NUM_CLASSES);
  const pair = ready ? softTermGradient(row(z), row(v), T, alpha, 1, zeroMean) : null;
  const teacher = members.find((m) => m.id === teacherId);

  return (
    <div className="limit-panel">
      <p className="hint">
        <Trans i18nKey="explore.limit.hint" components={{ sub: <sub /> }} />
      </p>
      <div className="limit-controls">
        <label>
          {t('explore.limit.learner')}{' '}
          <select
            aria-label={t('explore.limit.learnerLabel')}
            value={learner.id}
            onChange={(e) => setLearnerId(e.target.value)}
          >
            {learners.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        <label className="toggle">
          <input
            type="checkbox"
            checked={zeroMean}
            onChange={(e) => setZeroMean(e.target.checked)}
          />{' '}
          {t('explore.limit.zeroMean')}
        </label>
      </div>
      <div className="slider-row limit-slider">
        <label htmlFor="limit-T">{t('explore.limit.ownT')}</label>
        <output htmlFor="limit-T" className="mono" data-testid="limit-T">
          {T.toFixed(T < 10 ? 2 : T < 100 ? 1 : 0)}
        </output>
        <input
          id="limit-T"
          type="range"
          min={0}
          max={SLIDER_STEPS}
          step={1}
          value={toSliderPosition(T, T_MIN, T_MAX)}
          aria-valuetext={`T = ${T.toFixed(1)}`}
          onChange={(e) => setOwnT(fromSliderPosition(Number(e.target.value), T_MIN, T_MAX))}
        />
        <span className="scale-ends small">
          <span>1</span>
          <span>{t('explore.limit.scale')}</span>
          <span>1000</span>
        </span>
      </div>
      {ownT !== null && (
        <button type="button" className="link-button" onClick={() => setOwnT(null)}>
          {t('explore.limit.back', { T: temperature.toFixed(2) })}
        </button>
      )}
      {samples && (
        <div className="digit-strip" role="group" aria-label={t('explore.limit.digits')}>
          {samples.indices.slice(0, NUM_CLASSES).map((index, j) => (
            <button
              key={index}
              className={`digit-pick${j === k ? ' selected' : ''}`}
              aria-pressed={j === k}
              onClick={() => setDigit(j)}
              title={t('explore.limit.image', { index, label: samples.labels[j] })}
            >
              <DigitImage
                pixels={samples.pixels.subarray(j * IMAGE_SIZE, (j + 1) * IMAGE_SIZE)}
                label={t('explore.limit.digit', { label: samples.labels[j] })}
                size={28}
              />
            </button>
          ))}
        </div>
      )}
      {!pair || !samples ? (
        <p className="placeholder">{t('explore.limit.waiting')}</p>
      ) : (
        <>
          <p className="limit-distance">
            ‖exact − limit‖ / ‖limit‖ ={' '}
            <strong className="mono" data-testid="limit-distance">
              {pair.relativeDistance.toFixed(3)}
            </strong>{' '}
            <span className="small">
              {t('explore.limit.at', {
                T: T.toFixed(1),
                alpha: alpha.toFixed(2),
                learner: learner.label,
                teacher: teacher?.label ?? t('explore.limit.teacher'),
              })}
              {zeroMean ? '' : t('explore.limit.noZeroMean')}
            </span>
          </p>
          <GradientBars
            exact={pair.exact}
            approximation={pair.approximation}
            color={learner.color}
            trueLabel={samples.labels[k]}
          />
          <p className="small legend-line">
            <span className="key-exact" style={{ background: learner.color }} />{' '}
            {t('explore.limit.exact')}
            <span className="key-limit" /> {t('explore.limit.limit')}
          </p>
          <details>
            <summary>{t('explore.limit.table')}</summary>
            <table className="limit-table">
              <thead>
                <tr>
                  <th scope="col">{t('explore.limit.class')}</th>
                  <th scope="col">{t('explore.limit.exactHeader')}</th>
                  <th scope="col">{t('explore.limit.limitHeader')}</th>
                </tr>
              </thead>
              <tbody>
                {Array.from({ length: NUM_CLASSES }, (_, c) => (
                  <tr key={c}>
                    <th scope="row">{c}</th>
                    <td className="mono">{format(pair.exact[c])}</td>
                    <td className="mono">{format(pair.approximation[c])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </div>
  );
}
