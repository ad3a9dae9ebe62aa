import { describe, expect, it } from 'vitest';
import { PRESETS } from '../state/presets.ts';
import { DEFAULT_SETTINGS } from '../state/settingsSchema.ts';
import { toRecipe } from '../state/toRecipe.ts';
import { localizeMembers, memberLabel } from './memberLabels.ts';

describe('member names in Chinese', () => {
  it('cover every member of every preset’s roster, with no Latin word left but names', () => {
    const labels = new Set<string>();
    for (const preset of [undefined, ...PRESETS]) {
      const recipe = toRecipe({
        ...DEFAULT_SETTINGS,
        preset: preset?.id ?? DEFAULT_SETTINGS.preset,
      });
      for (const m of [...recipe.teachers, ...recipe.learners]) labels.add(m.label);
    }
    expect(labels.size).toBeGreaterThan(20);
    for (const label of labels) {
      const zh = memberLabel(label, 'zh');
      // Only method names, "dropout", numbers and symbols may stay in Latin letters.
      const words = zh.match(/[A-Za-z]{2,}/g) ?? [];
      expect(
        words.filter((w) => !['KD', 'KL', 'MSE', 'FitNet', 'logit', 'dropout'].includes(w)),
        `${label} → ${zh}`,
      ).toEqual([]);
    }
  });

  it('word numbered names, and leave English and unknown names alone', () => {
    expect(memberLabel('teacher 3', 'zh')).toBe('教师 3');
    expect(memberLabel('KL at T = 20', 'zh')).toBe('T = 20 时的 KL');
    expect(memberLabel('distilled student', 'en')).toBe('distilled student');
    expect(memberLabel('my own model', 'zh')).toBe('my own model');
    const members = [{ label: 'teacher' }];
    expect(localizeMembers(members, 'en')).toBe(members);
    expect(localizeMembers(members, 'zh')).toEqual([{ label: '教师' }]);
  });
});
