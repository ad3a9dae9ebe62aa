import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
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

function topTwo(p: Float64Array, t: TFunction): string {
  const order = Array.from(p.keys()).sort((a, b) => p[b] - p[a]);
  return t('inside.draw.topTwo', {
    first: order[0],
    p1: formatProbability(p[order[0]]),
    second: order[1],
    p2: formatProbability(p[order[1]]),
  });
}

/**
 * Draw your own digit: preprocessed like MNIST (centreDigit), sent to the worker, and every
 * model's soft targets at the current T shown as the stroke grows.
 */
export function DrawPanel({ members, temperature, logScale, samples, infer }: Props) {
  const { t } = useTranslation();
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
      <p className="hint">{t('inside.draw.hint', { T: temperature.toFixed(2) })}</p>
      <div className="draw-grid">
        <div className="draw-left">
          <canvas
            ref={canvas}
            width={CANVAS_SIDE}
            height={CANVAS_SIDE}
            className="draw-canvas"
            aria-label={t('inside.draw.canvas')}
            {...handlers}
          />
          <div className="draw-buttons">
            <button type="button" onClick={clear}>
              {t('inside.draw.clear')}
            </button>
            <span className="small">{t('inside.draw.sees')}</span>
            {preview ? (
              <DigitImage pixels={preview} label={t('inside.draw.preview')} size={56} />
            ) : (
              <span className="digit-placeholder" />
            )}
          </div>
          <fieldset className="draw-alternative">
            <legend className="small">{t('inside.draw.alternative')}</legend>
            <label className="small">
              {t('inside.draw.testDigit')}{' '}
              <select
                aria-label={t('inside.draw.testDigitLabel')}
                value={sample}
                onChange={(e) => setSample(Number(e.target.value))}
              >
                {(samples?.labels ?? []).map((label, k) => (
                  <option key={k} value={k}>
                    {t('inside.draw.option', { label, index: samples!.indices[k] })}
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
              {t('inside.draw.load')}
            </button>
            <div className="draw-moves" role="group" aria-label={t('inside.draw.moves')}>
              <button
                type="button"
                aria-label={t('inside.draw.left')}
                onClick={() => shift(-SHIFT, 0)}
              >
                ←
              </button>
              <button
                type="button"
                aria-label={t('inside.draw.right')}
                onClick={() => shift(SHIFT, 0)}
              >
                →
              </button>
              <button
                type="button"
                aria-label={t('inside.draw.up')}
                onClick={() => shift(0, -SHIFT)}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={t('inside.draw.down')}
                onClick={() => shift(0, SHIFT)}
              >
                ↓
              </button>
              <button type="button" onClick={() => erase('top')}>
                {t('inside.draw.eraseTop')}
              </button>
              <button type="button" onClick={() => erase('left')}>
                {t('inside.draw.eraseLeft')}
              </button>
            </div>
          </fieldset>
        </div>
        <div className="draw-right">
          {shown.length === 0 ? (
            <p className="placeholder">{t('inside.draw.empty')}</p>
          ) : (
            shown.map((m) => {
              const p = softmaxAt(logits![m.id], temperature);
              return (
                <div key={m.id} className="draw-member" data-testid={`draw-${m.id}`}>
                  <div className="small">
                    <Swatch color={m.color} /> <strong>{m.label}</strong>: {topTwo(p, t)}
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
