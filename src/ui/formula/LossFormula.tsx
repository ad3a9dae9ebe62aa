import katex from 'katex';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TermReading } from '../../engine/protocol.ts';
import type { ObjectiveId } from '../../kd/objective.ts';
import { OBJECTIVE_CATALOG } from '../../kd/objectiveCatalog.ts';
import { formulaWithNumbers } from './formulaWithNumbers.ts';
import { formatLoss, termName, TermReadings } from './TermReadings.tsx';

interface Props {
  /** The objective of the learner the formula is about (the first distilled one). */
  objective: ObjectiveId;
  /** T and α that learner trains with now (the sliders', or its own when fixed). */
  temperature: number;
  alpha: number;
  /** Its loss terms averaged over the last few steps, in display order, once it trains. */
  values?: readonly { name: string; value: number }[];
  /** Its terms as last measured, with their gradient norms. */
  readings?: readonly TermReading[];
}

const fmt = (v: number, digits = 2) => v.toFixed(digits);
const typeset = (tex: string) =>
  katex.renderToString(tex, { displayMode: true, throwOnError: false });
/** Inline mode: KaTeX may break the line after a top-level + or =, so a long loss fits the panel. */
const typesetWrapping = (tex: string) =>
  katex.renderToString(String.raw`\displaystyle ${tex}`, {
    displayMode: false,
    throwOnError: false,
  });

/**
 * The distilled student's loss, typeset with KaTeX: its general form, the same with the current
 * T and α in it, and its source; the latest values of its terms follow as plain text (they change
 * with every snapshot, and typesetting is not free).
 */
function LossFormulaView({ objective, temperature, alpha, values, readings }: Props) {
  const { t } = useTranslation();
  const info = OBJECTIVE_CATALOG[objective];
  const general = useMemo(() => typesetWrapping(info.formula), [info]);
  const current = useMemo(
    () => typeset(formulaWithNumbers(info.termFormulas, info.termNames, { temperature, alpha })),
    [info, temperature, alpha],
  );
  const total = values?.reduce((sum, v) => sum + v.value, 0);
  return (
    <div
      className="formula"
      data-testid="loss-formula"
      data-objective={objective}
      aria-label={t('controls.formula.label', { alpha: fmt(alpha), temperature: fmt(temperature) })}
    >
      <div className="formula-general" dangerouslySetInnerHTML={{ __html: general }} />
      <div className="formula-current" dangerouslySetInnerHTML={{ __html: current }} />
      {values && values.length > 0 && total !== undefined && (
        <p className="formula-values mono" data-testid="loss-values">
          ≈ {values.map((v) => formatLoss(v.value)).join(' + ')}
          {values.length > 1 ? ` = ${formatLoss(total)}` : ''}{' '}
          <span className="small">
            {t('controls.formula.lastBatches', {
              terms: values.map((v) => termName(t, v.name)).join(' + '),
            })}
          </span>
        </p>
      )}
      {readings && readings.length > 0 && <TermReadings readings={readings} />}
      <p className="small formula-source">{t(`controls.objectives.${objective}.source`)}</p>
      <p className="small">
        z<sub>t</sub>, z<sub>s</sub>
        {t(info.formula.includes('T^2') ? 'controls.formula.legendT2' : 'controls.formula.legend')}
      </p>
    </div>
  );
}

export const LossFormula = memo(LossFormulaView);
