import katex from 'katex';
import { useMemo } from 'react';

interface Props {
  temperature: number;
  alpha: number;
  /** Latest averaged loss terms of the distilled student, when it trains. */
  hard?: number;
  soft?: number;
}

const fmt = (v: number, digits = 2) => v.toFixed(digits);

const GENERAL = String.raw`L = \alpha\,\mathrm{CE}\big(y,\,p_s\big) + (1-\alpha)\,T^2\,\mathrm{KL}\big(p_t^{T}\,\big\|\,p_s^{T}\big)`;

/**
 * The distillation loss, typeset with KaTeX, with the current T and α in it; the latest loss
 * values follow as plain text (they change with every snapshot, and typesetting is not free).
 */
export function LossFormula({ temperature, alpha, hard, soft }: Props) {
  const general = useMemo(
    () => katex.renderToString(GENERAL, { displayMode: true, throwOnError: false }),
    [],
  );
  const current = useMemo(() => {
    const t = temperature < 10 ? fmt(temperature) : fmt(temperature, 1);
    const softWeight = (1 - alpha) * temperature * temperature;
    const latex = String.raw`\begin{aligned} L &= ${fmt(alpha)}\,\mathrm{CE} + ${fmt(1 - alpha)}\cdot ${t}^2\,\mathrm{KL} \\ &= ${fmt(alpha)}\,\mathrm{CE} + ${softWeight < 100 ? fmt(softWeight, 1) : fmt(softWeight, 0)}\,\mathrm{KL} \end{aligned}`;
    return katex.renderToString(latex, { displayMode: true, throwOnError: false });
  }, [temperature, alpha]);
  return (
    <div
      className="formula"
      data-testid="loss-formula"
      aria-label={`Loss with alpha ${fmt(alpha)} and temperature ${fmt(temperature)}`}
    >
      <div dangerouslySetInnerHTML={{ __html: general }} />
      <div className="formula-current" dangerouslySetInnerHTML={{ __html: current }} />
      {hard !== undefined && soft !== undefined && (
        <p className="formula-values mono" data-testid="loss-values">
          ≈ {hard.toFixed(3)} + {soft.toFixed(3)} = {(hard + soft).toFixed(3)}{' '}
          <span className="small">(hard + soft, last batches)</span>
        </p>
      )}
      <p className="small">
        p<sup>T</sup> = softmax(z / T) of the teacher (t) or the student (s); p<sub>s</sub> is the
        student at T = 1, which also makes the predictions. KL is averaged over the batch; the T²
        keeps the soft term&apos;s gradients the same size as T changes.
      </p>
    </div>
  );
}
