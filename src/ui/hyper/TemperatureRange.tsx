import { SETTINGS_SCHEMA } from '../../state/settingsSchema.ts';
import { clampSetting } from '../../state/urlState.ts';
import { fromSliderPosition, SLIDER_STEPS, toSliderPosition } from '../../state/logScale.ts';
import { moveHyper, type Hyper, type LiveHyper } from './liveHyper.ts';

const T = SETTINGS_SCHEMA.temperature;

/** T as the page writes it: two decimals below 10, one above. */
export const formatTemperature = (t: number): string => t.toFixed(t < 10 ? 2 : 1);

/**
 * The T slider (log scale, 1–50), wherever it stands (the controls, a lesson): a step is shown
 * at once through `live`; the settings follow at low priority (liveHyper.ts).
 */
export function TemperatureRange({
  id,
  value,
  live,
  onSettings,
  title,
}: {
  id: string;
  /** T now (useLiveTemperature). */
  value: number;
  live: LiveHyper;
  onSettings: (patch: Partial<Hyper>) => void;
  title?: string;
}) {
  return (
    <input
      id={id}
      type="range"
      min={0}
      max={SLIDER_STEPS}
      step={1}
      value={toSliderPosition(value, T.min, T.max)}
      aria-valuetext={`T = ${value.toFixed(2)}`}
      title={title}
      onChange={(e) =>
        moveHyper(
          live,
          {
            temperature: clampSetting(
              'temperature',
              fromSliderPosition(Number(e.target.value), T.min, T.max),
            ),
          },
          onSettings,
        )
      }
    />
  );
}
