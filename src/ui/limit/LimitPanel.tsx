import { useState } from 'react';
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
    return (
      <p className="placeholder">
        This run has no learner with a teacher: pick a preset that distils.
      </p>
    );
  }
  const row = (l: Float32Array) => l.subarray(k * NUM_CLASSES, (k + 1) * NUM_CLASSES);
  const pair = ready ? softTermGradient(row(z), row(v), T, alpha, 1, zeroMean) : null;
  const teacher = members.find((m) => m.id === teacherId);

  return (
    <div className="limit-panel">
      <p className="hint">
        The soft term (1 − α)·T²·KL pulls each student logit z<sub>i</sub> by (1 − α)·T·(q
        <sub>i</sub> − p<sub>i</sub>)/N. When T is large next to the logits, that becomes (1 − α)·(z
        <sub>i</sub> − v<sub>i</sub>)/(K·N) with zero-meaned logits: distillation turns into
        matching the teacher&apos;s logits (Hinton et al. 2015, §2.1). Raise T and watch the two
        bars of each class meet. Shown for one digit (N = 1); a batch divides both by N.
      </p>
      <div className="limit-controls">
        <label>
          Learner{' '}
          <select
            aria-label="Learner whose gradient is shown"
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
          Zero-mean the logits
        </label>
      </div>
      <div className="slider-row limit-slider">
        <label htmlFor="limit-T">This panel’s T (1–1000)</label>
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
          <span>log scale; training keeps its own T</span>
          <span>1000</span>
        </span>
      </div>
      {ownT !== null && (
        <button type="button" className="link-button" onClick={() => setOwnT(null)}>
          Back to the training T ({temperature.toFixed(2)})
        </button>
      )}
      {samples && (
        <div className="digit-strip" role="group" aria-label="Digit whose gradient is shown">
          {samples.indices.slice(0, NUM_CLASSES).map((index, j) => (
            <button
              key={index}
              className={`digit-pick${j === k ? ' selected' : ''}`}
              aria-pressed={j === k}
              onClick={() => setDigit(j)}
              title={`Test image #${index} (a ${samples.labels[j]})`}
            >
              <DigitImage
                pixels={samples.pixels.subarray(j * IMAGE_SIZE, (j + 1) * IMAGE_SIZE)}
                label={`test digit ${samples.labels[j]}`}
                size={28}
              />
            </button>
          ))}
        </div>
      )}
      {!pair || !samples ? (
        <p className="placeholder">Waiting for the models&apos; logits…</p>
      ) : (
        <>
          <p className="limit-distance">
            ‖exact − limit‖ / ‖limit‖ ={' '}
            <strong className="mono" data-testid="limit-distance">
              {pair.relativeDistance.toFixed(3)}
            </strong>{' '}
            <span className="small">
              at T = {T.toFixed(1)}, α = {alpha.toFixed(2)}, {learner.label} vs{' '}
              {teacher?.label ?? 'teacher'}
              {zeroMean ? '' : '; without zero-meaning the gap stays however high T goes'}
            </span>
          </p>
          <GradientBars
            exact={pair.exact}
            approximation={pair.approximation}
            color={learner.color}
            trueLabel={samples.labels[k]}
          />
          <p className="small legend-line">
            <span className="key-exact" style={{ background: learner.color }} /> exact (1 − α)·T·(q
            − p)
            <span className="key-limit" /> limit (1 − α)·(z − v)/K
          </p>
          <details>
            <summary>As a table</summary>
            <table className="limit-table">
              <thead>
                <tr>
                  <th scope="col">class</th>
                  <th scope="col">exact</th>
                  <th scope="col">high-T limit</th>
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
