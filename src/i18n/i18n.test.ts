import { describe, expect, it } from 'vitest';
import { LESSONS } from '../lessons/lessons.ts';
import { en } from './en.ts';
import { i18next, lessonText, resolveLanguage } from './i18n.ts';
import { LESSONS_ZH } from './lessonsZh.ts';
import { zh } from './zh.ts';
import { PARTS } from './parts/index.ts';

/** Every key path of a nested object of strings, e.g. "lesson.states.holds". */
function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`),
  );
}

/** The {{placeholders}} of a string, sorted. */
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

function valueAt(o: object, path: string): string {
  return path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], o) as string;
}

describe('the two languages', () => {
  it('have the same keys, none empty, with the same placeholders', () => {
    expect(keys(zh)).toEqual(keys(en));
    for (const k of keys(en)) {
      expect(valueAt(zh, k).trim(), k).not.toBe('');
      expect(placeholders(valueAt(zh, k)), k).toEqual(placeholders(valueAt(en, k)));
    }
  });

  it('have the same keys and placeholders in every area of the page (parts/)', () => {
    for (const [name, p] of Object.entries(PARTS)) {
      expect(keys(p.zh), name).toEqual(keys(p.en));
      for (const k of keys(p.en)) {
        expect(valueAt(p.zh, k).trim(), `${name}.${k}`).not.toBe('');
        expect(placeholders(valueAt(p.zh, k)), `${name}.${k}`).toEqual(
          placeholders(valueAt(p.en, k)),
        );
      }
    }
  });

  it('translate every lesson, step and claim into Chinese', () => {
    for (const lesson of LESSONS) {
      const text = LESSONS_ZH[lesson.id];
      expect(text, lesson.id).toBeDefined();
      expect(text.steps, lesson.id).toHaveLength(lesson.steps.length);
      lesson.steps.forEach((step, k) => {
        const z = text.steps[k];
        for (const field of [z.title, z.text, z.task]) expect(field.trim()).not.toBe('');
        expect(z.claim !== undefined, `${lesson.id} step ${k + 1} claim`).toBe(
          step.claim !== undefined,
        );
        // Numbers stay as they are: every number of the English text is in the Chinese one.
        for (const n of `${step.text} ${step.claim?.text ?? ''}`.match(/\d+(?:\.\d+)?/g) ?? [])
          expect(`${z.text} ${z.claim ?? ''}`, `${lesson.id} step ${k + 1}`).toContain(n);
      });
    }
  });

  it('follow the browser’s language unless one is chosen', () => {
    expect(resolveLanguage('auto', ['zh-CN', 'en'])).toBe('zh');
    expect(resolveLanguage('auto', ['fr-FR', 'en-GB'])).toBe('en');
    expect(resolveLanguage('auto', ['de'])).toBe('en');
    expect(resolveLanguage('en', ['zh-TW'])).toBe('en');
    expect(resolveLanguage('zh', [])).toBe('zh');
  });

  it('interpolate through i18next, and fall back to English for a missing key', async () => {
    await i18next.changeLanguage('zh');
    expect(i18next.t('lesson.progress', { at: 2, count: 3 })).toBe('第 2 步，共 3 步');
    await i18next.changeLanguage('en');
    expect(i18next.t('lesson.progress', { at: 2, count: 3 })).toBe('Step 2 of 3');
    expect(lessonText(LESSONS[0], 'zh').title).toBe('为什么需要温度');
  });
});
