import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresetId } from '../../state/presetIds.ts';
import { PRESETS, presetById, type Preset } from '../../state/presets.ts';
import { TEACHER_QUALITY_PRESETS } from '../../state/teacherQualityPresets.ts';
import { VARIANT_PRESETS } from '../../state/variantPresets.ts';

/** The paper's own experiments first, then the variants that came after it. */
const GROUPS: readonly { id: string; presets: readonly Preset[] }[] = [
  {
    id: 'hinton',
    presets: PRESETS.filter(
      (p) => !VARIANT_PRESETS.includes(p) && !TEACHER_QUALITY_PRESETS.includes(p),
    ),
  },
  { id: 'variants', presets: VARIANT_PRESETS },
  { id: 'teacher-quality', presets: TEACHER_QUALITY_PRESETS },
];

/** One click per experiment; each sets values the learner can still change. */
function PresetBarView({
  active,
  onSelect,
}: {
  active: PresetId;
  onSelect: (id: PresetId) => void;
}) {
  const { t } = useTranslation();
  const preset = presetById(active);
  return (
    <section className="panel presets" aria-labelledby="presets-title">
      <div className="presets-row">
        <h2 id="presets-title">{t('presets.heading')}</h2>
        <div className="preset-groups" role="group" aria-label={t('presets.label')}>
          {GROUPS.map((g) => (
            <div
              key={g.id}
              className="preset-group"
              role="group"
              aria-labelledby={`preset-group-${g.id}`}
            >
              <span id={`preset-group-${g.id}`} className="preset-group-label">
                {t(`presets.groups.${g.id}`)}
              </span>
              <div className="preset-buttons">
                {g.presets.map((p) => (
                  <button
                    key={p.id}
                    className={p.id === active ? 'on' : undefined}
                    aria-pressed={p.id === active}
                    onClick={() => onSelect(p.id)}
                  >
                    {t(`presets.titles.${p.id}`)}
                  </button>
                ))}
              </div>
            </div>
          ))}
        </div>
      </div>
      {preset && (
        <p className="preset-summary" data-testid="preset-summary">
          <strong>{t('presets.summaryTitle', { title: t(`presets.titles.${preset.id}`) })}</strong>{' '}
          {t(`presets.summaries.${preset.id}`)}
        </p>
      )}
    </section>
  );
}

/** `onSelect` only applies a preset's own values, so an older one is as good as a newer one. */
export const PresetBar = memo(PresetBarView, (a, b) => a.active === b.active);
