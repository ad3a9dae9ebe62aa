import { useMemo, useState } from 'react';
import { IMAGE_SIZE, NUM_CLASSES } from '../../data/mnistAssets.ts';
import { logitMatchingMse, softmaxRows } from '../../kd/plain.ts';
import type { SampleDigits } from '../../engine/protocol.ts';
import { DigitImage } from './DigitImage.tsx';
import { formatProbability } from './formatProbability.ts';
import { ProbabilityBars } from './ProbabilityBars.tsx';

const SHOWN = 4;
const DEFAULT_CLASSES = [2, 3, 7, 9];

interface Props {
  samples: SampleDigits | null;
  /** Logits (count × 10) of the sample digits; the students' are null before the trainer exists. */
  logits: { teacher: Float32Array; distilled: Float32Array | null } | null;
  temperature: number;
  logScale: boolean;
  onLogScale: (on: boolean) => void;
}

function topClasses(p: Float64Array, k: number): string {
  return Array.from(p.keys())
    .sort((a, b) => p[b] - p[a])
    .slice(0, k)
    .map((c) => `${c}: ${formatProbability(p[c])}`)
    .join(', ');
}

/**
 * Soft targets of a few test digits: the teacher's and the distilled student's softmax at the
 * current T. Recomputed here, on the main thread, from cached logits: moving the T slider redraws
 * at once, even while training is paused.
 */
export function SoftTargetPanel({ samples, logits, temperature, logScale, onLogScale }: Props) {
  const [shown, setShown] = useState<number[]>(DEFAULT_CLASSES);
  const count = samples?.indices.length ?? 0;
  const ready = logits !== null && logits.teacher.length === count * NUM_CLASSES && count > 0;
  const probabilities = useMemo(() => {
    if (!ready) return null;
    return {
      teacher: softmaxRows(logits.teacher, count, NUM_CLASSES, temperature),
      distilled: logits.distilled
        ? softmaxRows(logits.distilled, count, NUM_CLASSES, temperature)
        : null,
    };
  }, [ready, logits, count, temperature]);

  const toggle = (k: number) =>
    setShown((s) =>
      s.includes(k) ? (s.length > 1 ? s.filter((x) => x !== k) : s) : [...s.slice(-(SHOWN - 1)), k],
    );

  return (
    <section className="panel soft-targets" aria-labelledby="soft-title">
      <header className="panel-head">
        <h2 id="soft-title">
          Soft targets at{' '}
          <span className="mono">T = {temperature.toFixed(temperature < 10 ? 2 : 1)}</span>
        </h2>
        <label className="toggle">
          <input
            type="checkbox"
            checked={logScale}
            onChange={(e) => onLogScale(e.target.checked)}
          />{' '}
          Log scale
        </label>
      </header>
      <p className="hint">
        softmax(z / T) of the <span className="swatch teacher" /> teacher and the{' '}
        <span className="swatch distilled" /> distilled student. Raise T and the teacher&apos;s
        small probabilities for wrong classes (its “dark knowledge”) become visible targets.
      </p>
      {samples && (
        <div className="digit-strip" role="group" aria-label="Choose test digits to inspect">
          {samples.indices.map((index, k) => (
            <button
              key={index}
              className={`digit-pick${shown.includes(k) ? ' selected' : ''}`}
              aria-pressed={shown.includes(k)}
              onClick={() => toggle(k)}
              title={`Test image #${index} (a ${samples.labels[k]})`}
            >
              <DigitImage
                pixels={samples.pixels.subarray(k * IMAGE_SIZE, (k + 1) * IMAGE_SIZE)}
                label={`test digit ${samples.labels[k]}`}
                size={28}
              />
            </button>
          ))}
        </div>
      )}
      <div className="digit-cards">
        {!samples && <p className="placeholder">Loading the test digits…</p>}
        {samples &&
          shown.map((k) => {
            const label = samples.labels[k];
            const teacher = probabilities?.teacher[k];
            const distilled = probabilities?.distilled?.[k];
            const mse =
              ready && logits?.distilled
                ? logitMatchingMse(
                    logits.distilled.subarray(k * NUM_CLASSES, (k + 1) * NUM_CLASSES),
                    logits.teacher.subarray(k * NUM_CLASSES, (k + 1) * NUM_CLASSES),
                    1,
                    NUM_CLASSES,
                  )
                : null;
            return (
              <figure key={k} className="digit-card" data-testid="digit-card" data-label={label}>
                <div className="digit-card-head">
                  <DigitImage
                    pixels={samples.pixels.subarray(k * IMAGE_SIZE, (k + 1) * IMAGE_SIZE)}
                    label={`a handwritten ${label}`}
                  />
                  <figcaption>
                    <strong>true label {label}</strong>
                    {teacher && (
                      <span className="small">teacher top: {topClasses(teacher, 3)}</span>
                    )}
                    {mse !== null && (
                      <span className="small">logit-matching MSE: {mse.toFixed(2)}</span>
                    )}
                  </figcaption>
                </div>
                {teacher ? (
                  <ProbabilityBars
                    logScale={logScale}
                    trueLabel={label}
                    series={[
                      { model: 'teacher', name: 'teacher', probabilities: teacher },
                      ...(distilled
                        ? [
                            {
                              model: 'distilled' as const,
                              name: 'distilled student',
                              probabilities: distilled,
                            },
                          ]
                        : []),
                    ]}
                  />
                ) : (
                  <p className="placeholder">Waiting for the models…</p>
                )}
              </figure>
            );
          })}
      </div>
    </section>
  );
}
