import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { SETTINGS_SCHEMA } from '../../state/settingsSchema.ts';
import {
  moveHyper,
  useLiveAlpha,
  useLiveTemperature,
  type Hyper,
  type LiveHyper,
} from './liveHyper.ts';
import { formatTemperature, TemperatureRange } from './TemperatureRange.tsx';

interface Props {
  /** T and α as shown: a step renders these sliders and the bars, not the page. */
  live: LiveHyper;
  /** The settings, at low priority. */
  onChange: (patch: Partial<Hyper>) => void;
}

const A = SETTINGS_SCHEMA.alpha;

/** Temperature (log scale, 1–50) and α (0–1). Both act live: from the next batch, no reset. */
function HyperSlidersView({ live, onChange }: Props) {
  const { t } = useTranslation();
  const temperature = useLiveTemperature(live);
  const alpha = useLiveAlpha(live);
  return (
    <div className="sliders">
      <div className="slider-row">
        <label htmlFor="slider-T">{t('controls.settings.temperature.label')}</label>
        <output htmlFor="slider-T" className="mono">
          {formatTemperature(temperature)}
        </output>
        <TemperatureRange
          id="slider-T"
          value={temperature}
          live={live}
          onSettings={onChange}
          title={t('controls.settings.temperature.help')}
        />
        <span className="scale-ends small">
          <span>1</span>
          <span>{t('controls.logScale')}</span>
          <span>50</span>
        </span>
      </div>
      <div className="slider-row">
        <label htmlFor="slider-alpha">{t('controls.settings.alpha.label')}</label>
        <output htmlFor="slider-alpha" className="mono">
          {alpha.toFixed(2)}
        </output>
        <input
          id="slider-alpha"
          type="range"
          min={A.min}
          max={A.max}
          step={A.step}
          value={alpha}
          aria-valuetext={`α = ${alpha.toFixed(2)}`}
          title={t('controls.settings.alpha.help')}
          onChange={(e) => moveHyper(live, { alpha: Number(e.target.value) }, onChange)}
        />
        <span className="scale-ends small">
          <span>{t('controls.softOnly')}</span>
          <span>{t('controls.hardOnly')}</span>
        </span>
      </div>
    </div>
  );
}

export const HyperSliders = memo(HyperSlidersView);
