import { memo } from 'react';
import type { PresetId } from '../../state/presetIds.ts';
import { PRESETS, presetById } from '../../state/presets.ts';

/** One click per experiment of the paper; each sets values the learner can still change. */
function PresetBarView({
  active,
  onSelect,
}: {
  active: PresetId;
  onSelect: (id: PresetId) => void;
}) {
  const preset = presetById(active);
  return (
    <section className="panel presets" aria-labelledby="presets-title">
      <div className="presets-row">
        <h2 id="presets-title">Experiments</h2>
        <div className="preset-buttons" role="group" aria-label="Presets">
          {PRESETS.map((p) => (
            <button
              key={p.id}
              className={p.id === active ? 'on' : undefined}
              aria-pressed={p.id === active}
              onClick={() => onSelect(p.id)}
            >
              {p.title}
            </button>
          ))}
        </div>
      </div>
      {preset && (
        <p className="preset-summary" data-testid="preset-summary">
          <strong>{preset.title}.</strong> {preset.summary}
        </p>
      )}
    </section>
  );
}

/** `onSelect` only applies a preset's own values, so an older one is as good as a newer one. */
export const PresetBar = memo(PresetBarView, (a, b) => a.active === b.active);
