import { useTranslation } from 'react-i18next';
import { SETTINGS_SCHEMA } from '../../state/settingsSchema.ts';
import { DigitSetInput } from '../controls/DigitSetInput.tsx';

const SHIFT = SETTINGS_SCHEMA.biasShift;

/** Shift some classes' output bias of the adjustable students; the results update at once. */
export function BiasControl({
  classes,
  shift,
  onChange,
  appliesTo,
}: {
  classes: string;
  shift: number;
  onChange: (patch: { biasClasses?: string; biasShift?: number }) => void;
  /** Labels of the members it acts on. */
  appliesTo: readonly string[];
}) {
  const { t } = useTranslation();
  return (
    <div className="bias-control">
      <div className="bias-head">
        <strong>{t('results.bias.title')}</strong>
        <span className="small">{t('results.bias.help')}</span>
        {appliesTo.length > 0 && (
          <span className="small" data-testid="bias-applies-to">
            {t('results.bias.actsOn', {
              labels: appliesTo.join(t('results.bias.listSeparator')),
            })}
          </span>
        )}
      </div>
      <DigitSetInput
        id="bias-classes"
        label={t('results.bias.classes')}
        value={classes}
        onChange={(d) => onChange({ biasClasses: d })}
      />
      <div className="slider-row">
        <label htmlFor="slider-bias">{t('results.bias.shift')}</label>
        <output htmlFor="slider-bias" className="mono" data-testid="bias-value">
          {shift > 0 ? '+' : ''}
          {shift.toFixed(1)}
        </output>
        <input
          id="slider-bias"
          type="range"
          min={-10}
          max={10}
          step={SHIFT.step}
          value={shift}
          aria-valuetext={t('results.bias.valueText', { value: shift.toFixed(1) })}
          onChange={(e) => onChange({ biasShift: Number(e.target.value) })}
        />
      </div>
    </div>
  );
}
