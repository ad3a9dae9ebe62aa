import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LossMode } from '../../kd/objectiveCatalog.ts';
import { SETTINGS_SCHEMA } from '../../state/settingsSchema.ts';

const SPEC = SETTINGS_SCHEMA.lossMode;

/**
 * Which objective the distilled student minimizes. Changing it starts a new run (the setting's
 * scope is 'restart'); an experiment that brings its own students sets their losses itself.
 */
function LossModeSelectView({
  value,
  onChange,
  fixedByPreset,
}: {
  value: LossMode;
  onChange: (mode: LossMode) => void;
  fixedByPreset: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="loss-mode">
      <label htmlFor="loss-mode">{t('controls.loss')}</label>
      <select
        id="loss-mode"
        aria-label={t('controls.settings.lossMode.label')}
        aria-describedby="loss-mode-help"
        value={value}
        disabled={fixedByPreset}
        onChange={(e) => {
          const mode = SPEC.options.find((o) => o === e.target.value);
          if (mode) onChange(mode);
        }}
      >
        {SPEC.options.map((mode) => (
          <option key={mode} value={mode}>
            {t(`controls.objectives.${mode}.label`)}
          </option>
        ))}
      </select>
      <p id="loss-mode-help" className="small">
        {fixedByPreset
          ? t('controls.lossFixed')
          : t('controls.lossHelp', { help: t('controls.settings.lossMode.help') })}
      </p>
    </div>
  );
}

export const LossModeSelect = memo(LossModeSelectView);
