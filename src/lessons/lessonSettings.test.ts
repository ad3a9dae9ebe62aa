import { describe, expect, it } from 'vitest';
import { presetById } from '../state/presets.ts';
import { DEFAULT_SETTINGS } from '../state/settingsSchema.ts';
import { parseSettings, serializeSettings } from '../state/urlState.ts';
import { LESSON_IDS, MAX_LESSON_STEPS } from './lessonIds.ts';
import { LESSONS } from './lessons.ts';
import { lessonSettings, stepPatch } from './lessonSettings.ts';

describe('lessons as data', () => {
  it('declares every lesson id once, each with 2 to MAX_LESSON_STEPS steps', () => {
    expect(LESSONS.map((l) => l.id)).toEqual(LESSON_IDS.filter((id) => id !== 'none'));
    expect(LESSONS.length).toBeGreaterThanOrEqual(6);
    for (const l of LESSONS) {
      expect(l.steps.length, l.id).toBeGreaterThanOrEqual(2);
      expect(l.steps.length, l.id).toBeLessThanOrEqual(MAX_LESSON_STEPS);
      expect(l.steps[0].set, `${l.id} starts from known settings`).toBeDefined();
    }
  });

  it('keeps every setting a step sets inside the settings table’s range', () => {
    for (const l of LESSONS)
      for (const [k, step] of l.steps.entries()) {
        const query = serializeSettings({ ...DEFAULT_SETTINGS, ...stepPatch(step) });
        expect(parseSettings(query).notices, `${l.id} step ${k + 1}`).toEqual([]);
      }
  });
});

describe('a lesson step in the link', () => {
  it('stands for what its steps set: the preset’s values, then each step’s own', () => {
    const { settings, notices } = parseSettings('lesson=missing-3&step=2');
    expect(notices).toEqual([]);
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      ...presetById('missing-3')?.settings,
      preset: 'missing-3',
      lesson: 'missing-3',
      lessonStep: 2,
      studentSize: '300-300',
      studentEpochs: 3,
      evalEvery: 100,
      biasClasses: '3',
      biasShift: 3.5,
    });
  });

  it('is written back as the lesson and step alone, and the link’s own values still win', () => {
    const s = parseSettings('lesson=missing-3&step=2').settings;
    expect(serializeSettings(s)).toBe('lesson=missing-3&step=2');
    const over = parseSettings('lesson=missing-3&step=2&student=30-30&bias=1').settings;
    expect(over.studentSize).toBe('30-30');
    expect(over.biasShift).toBe(1);
    expect(serializeSettings(over)).toBe('lesson=missing-3&step=2&student=30-30&bias=1');
  });

  it('clamps a step past the end to the last step, with one notice', () => {
    const { settings, notices } = parseSettings('lesson=missing-3&step=9');
    expect(settings.lessonStep).toBe(2);
    expect(notices.map((n) => n.message)).toEqual([
      'step=9: the lesson “The missing 3” has 2 steps; using 2.',
    ]);
  });

  it('ignores a step without a lesson, with one notice', () => {
    const { settings, notices } = parseSettings('step=3');
    expect(settings.lessonStep).toBe(1);
    expect(notices.map((n) => n.message)).toEqual(['step=3 ignored: no lesson is chosen.']);
  });

  it('lets the link name another preset than the lesson’s, whose values then apply', () => {
    const s = parseSettings('lesson=temperature&preset=hinton2015').settings;
    expect(s.preset).toBe('hinton2015');
    expect(s.temperature).toBe(20);
    expect(serializeSettings(s)).toBe('lesson=temperature&preset=hinton2015');
  });

  it('accumulates: step 2 of “Why temperature” keeps step 1’s T = 1', () => {
    expect(lessonSettings('temperature', 2).temperature).toBe(1);
    expect(lessonSettings('temperature', 3).explore).toBe('dark');
    expect(lessonSettings('none', 3)).toEqual({});
  });
});
