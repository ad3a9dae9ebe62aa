import { useRef, useState } from 'react';
import { centreDigit } from '../../data/centreDigit.ts';
import { IMAGE_SIZE, NUM_CLASSES } from '../../data/mnistAssets.ts';
import type { RosterEntry, SampleDigits } from '../../engine/protocol.ts';
import { softmaxAt } from '../../kd/plain.ts';
import { Swatch } from '../roster/Swatch.tsx';
import { DigitImage } from '../softTargets/DigitImage.tsx';
import { formatProbability } from '../softTargets/formatProbability.ts';
import { ProbabilityBars } from '../softTargets/ProbabilityBars.tsx';
import { CANVAS_SIDE, useDrawingCanvas } from './useDrawingCanvas.ts';

interface Props {
  members: readonly RosterEntry[];
  temperature: number;
  logScale: boolean;
  samples: SampleDigits | null;
  infer: (pixels: Float32Array) => Promise<Record<string, Float32Array> | null>;
}

/** 2 MNIST pixels, in canvas pixels. */
const SHIFT = (2 * CANVAS_SIDE) / 28;

function topTwo(p: Float64Array): string {
  const order = Array.from(p.keys()).sort((a, b) => p[b] - p[a]);
  return `${order[0]} (${formatProbability(p[order[0]])}), then ${order[1]} (${formatProbability(p[order[1]])})`;
}

/**
 * Draw your own digit: preprocessed like MNIST (centreDigit), sent to the worker, and every
 * model's soft targets at the current T shown as the stroke grows.
 */
export function DrawPanel({ members, temperature, logScale, samples, infer }: Props) {
  const [preview, setPreview] = useState<Uint8Array | null>(null);
  const [logits, setLogits] = useState<Record<string, Float32Array> | null>(null);
  const latest = useRef(0);
  const onInk = (gray: Float32Array) => {
    const input = centreDigit(gray, CANVAS_SIDE, CANVAS_SIDE);
    const ink = input.some((v) => v > 0);
    setPreview(ink ? Uint8Array.from(input, (v) => Math.round(v * 255)) : null);
    const request = ++latest.current;
    if (!ink) {
      setLogits(null);
      return;
    }
    void infer(input).then((answer) => {
      // Only the newest drawing's answer counts (an older one may arrive later).
      if (request === latest.current) setLogits(answer);
    });
  };
  const { canvas, handlers, clear, showDigit, shift, erase } = useDrawingCanvas(onInk);
  const [sample, setSample] = useState(0);
  const shown = members.filter((m) => logits?.[m.id]?.length === NUM_CLASSES);

  return (
    <div className="draw-panel">
      <p className="hint">
        Draw a digit with the mouse, a finger or a pen. It is cropped, scaled to 20 × 20 and centred
        in 28 × 28 the way MNIST was, then every model gives its soft targets at T ={' '}
        {temperature.toFixed(2)}. Try a 7 that could be a 1, or a 4 that could be a 9, and watch the
        teacher&apos;s second guess.
      </p>
      <div className="draw-grid">
        <div className="draw-left">
          <canvas
            ref={canvas}
            width={CANVAS_SIDE}
            height={CANVAS_SIDE}
            className="draw-canvas"
            aria-label="Drawing area: draw a digit here (or use the buttons below to load and change a test digit)"
            {...handlers}
          />
          <div className="draw-buttons">
            <button type="button" onClick={clear}>
              Clear
            </button>
            <span className="small">What the network sees:</span>
            {preview ? (
              <DigitImage pixels={preview} label="the drawing as a 28 × 28 MNIST digit" size={56} />
            ) : (
              <span className="digit-placeholder" />
            )}
          </div>
          <fieldset className="draw-alternative">
            <legend className="small">Without drawing: load a test digit and change it</legend>
            <label className="small">
              Test digit{' '}
              <select
                aria-label="Test digit to load"
                value={sample}
                onChange={(e) => setSample(Number(e.target.value))}
              >
                {(samples?.labels ?? []).map((label, k) => (
                  <option key={k} value={k}>
                    a {label} (#{samples!.indices[k]})
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              disabled={!samples}
              onClick={() =>
                samples &&
                showDigit(samples.pixels.subarray(sample * IMAGE_SIZE, (sample + 1) * IMAGE_SIZE))
              }
            >
              Load
            </button>
            <div className="draw-moves" role="group" aria-label="Move or erase the drawing">
              <button type="button" aria-label="Move left" onClick={() => shift(-SHIFT, 0)}>
                ←
              </button>
              <button type="button" aria-label="Move right" onClick={() => shift(SHIFT, 0)}>
                →
              </button>
              <button type="button" aria-label="Move up" onClick={() => shift(0, -SHIFT)}>
                ↑
              </button>
              <button type="button" aria-label="Move down" onClick={() => shift(0, SHIFT)}>
                ↓
              </button>
              <button type="button" onClick={() => erase('top')}>
                Erase top half
              </button>
              <button type="button" onClick={() => erase('left')}>
                Erase left half
              </button>
            </div>
          </fieldset>
        </div>
        <div className="draw-right">
          {shown.length === 0 ? (
            <p className="placeholder">
              Draw a digit in the black square: the soft targets appear here.
            </p>
          ) : (
            shown.map((m) => {
              const p = softmaxAt(logits![m.id], temperature);
              return (
                <div key={m.id} className="draw-member" data-testid={`draw-${m.id}`}>
                  <div className="small">
                    <Swatch color={m.color} /> <strong>{m.label}</strong>: {topTwo(p)}
                  </div>
                  <ProbabilityBars
                    logScale={logScale}
                    trueLabel={-1}
                    series={[{ model: m.id, name: m.label, color: m.color, probabilities: p }]}
                  />
                </div>
              );
            })
          )}
        </div>
      </div>
    </div>
  );
}
