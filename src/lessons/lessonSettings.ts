/**
 * A lesson step as settings: like a preset, `?lesson=missing-3&step=2` stands for the settings
 * its steps 1–2 set, and the link's own values override them (state/urlState.ts).
 */
import { presetById } from '../state/presets.ts';
import type { Settings } from '../state/settingsSchema.ts';
import type { LessonId } from './lessonIds.ts';
import { LESSONS } from './lessons.ts';
import type { Lesson, LessonStep } from './lessonTypes.ts';

export function lessonById(id: LessonId): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

/** A step number (1-based) inside the lesson's steps. */
export function clampStep(lesson: Lesson, step: number): number {
  return Math.min(Math.max(1, Math.round(step)), lesson.steps.length);
}

/** What arriving at a step sets: its preset's values, then the step's own. */
export function stepPatch(step: LessonStep): Partial<Settings> {
  const set = step.set ?? {};
  return set.preset === undefined ? { ...set } : { ...presetById(set.preset)?.settings, ...set };
}

/** The settings steps 1–`step` of a lesson set, in order (empty for no lesson). */
export function lessonSettings(id: LessonId, step: number): Partial<Settings> {
  const lesson = lessonById(id);
  if (!lesson) return {};
  const out: Partial<Settings> = {};
  for (const s of lesson.steps.slice(0, clampStep(lesson, step))) Object.assign(out, stepPatch(s));
  return out;
}
