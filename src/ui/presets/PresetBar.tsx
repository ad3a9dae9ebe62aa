import { memo } from 'react';
import type { PresetId } from '../../state/presetIds.ts';
import { PRESETS, presetById, type Preset } from '../../state/presets.ts';
import { TEACHER_QUALITY_PRESETS } from '../../state/teacherQualityPresets.ts';
import { VARIANT_PRESETS } from '../../state/variantPresets.ts';

/** The paper's own experiments first, then the variants that came after it. */
const GROUPS: readonly { id: string; title: string; presets: readonly Preset[] }[] = [
  {
    id: 'hinton',
    title: 'Hinton et al. 2015',
    presets: PRESETS.filter(
      (p) => !VARIANT_PRESETS.includes(p) && !TEACHER_QUALITY_PRESETS.includes(p),
    ),
  },
  { id: 'variants', title: 'Distillation variants', presets: VARIANT_PRESETS },
  { id: 'teacher-quality', title: 'Teacher quality', presets: TEACHER_QUALITY_PRESETS },
];

/** One click per experiment; each sets values the learner can still change. */
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
        <div className="preset-groups" role="group" aria-label="Presets">
          {GROUPS.map((g) => (
            <div
              key={g.id}
              className="preset-group"
              role="group"
              aria-labelledby={`preset-group-${g.id}`}
            >
              <span id={`preset-group-${g.id}`} className="preset-group-label">
                {g.title}
              </span>
              <div className="preset-buttons">
                {g.presets.map((p) => (
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
