import { useCallback } from 'react';
import type { LessonId } from '../../lessons/lessonIds.ts';
import { clampStep, lessonById, stepPatch } from '../../lessons/lessonSettings.ts';
import { SETTINGS_SCHEMA, type SettingKey, type Settings } from '../../state/settingsSchema.ts';

/** Whether applying `patch` changes a setting that only takes effect in a new run. */
export function needsRestart(settings: Settings, patch: Partial<Settings>): boolean {
  return (Object.keys(patch) as SettingKey[]).some(
    (k) => SETTINGS_SCHEMA[k].scope === 'restart' && patch[k] !== settings[k],
  );
}

/**
 * Moving through a lesson: arriving at a step applies what it sets (a new run only when a
 * restart-scope setting changes; T, α or the bias apply live).
 */
export function useLessonSteps(
  settings: Settings,
  update: (patch: Partial<Settings>) => void,
  applyRunSettings: (patch: Partial<Settings>) => void,
): { goToStep: (step: number) => void; openLesson: (id: LessonId) => void } {
  const apply = useCallback(
    (patch: Partial<Settings>) =>
      needsRestart(settings, patch) ? applyRunSettings(patch) : update(patch),
    [settings, update, applyRunSettings],
  );
  const goToStep = useCallback(
    (step: number) => {
      const lesson = lessonById(settings.lesson);
      if (!lesson) return;
      const at = clampStep(lesson, step);
      apply({ ...stepPatch(lesson.steps[at - 1]), lessonStep: at });
    },
    [settings.lesson, apply],
  );
  const openLesson = useCallback(
    (id: LessonId) => {
      const lesson = lessonById(id);
      if (!lesson) return update({ lesson: 'none', lessonStep: 1 });
      apply({ ...stepPatch(lesson.steps[0]), lesson: id, lessonStep: 1 });
    },
    [apply, update],
  );
  return { goToStep, openLesson };
}
