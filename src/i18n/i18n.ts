/**
 * The page's languages, with i18next (react-i18next binds it to React): English and Simplified
 * Chinese. i18next was chosen over hand-made lookups for its interpolation, plural rules and
 * fallback to English for a key a translation lacks; the resources are bundled (two small
 * objects), so nothing is fetched and the first render is already in the right language.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lesson } from '../lessons/lessonTypes.ts';
import { en } from './en.ts';
import { LESSONS_ZH, type LessonText } from './lessonsZh.ts';
import { zh } from './zh.ts';
import { PARTS } from './parts/index.ts';

export type Language = 'en' | 'zh';
export type LanguageChoice = 'auto' | Language;

/** en.ts / zh.ts and every area's part (parts/), one resource per language. */
function resource(language: Language): Record<string, unknown> {
  const parts = Object.fromEntries(Object.entries(PARTS).map(([k, p]) => [k, p[language]]));
  return { ...(language === 'en' ? en : zh), ...parts };
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: resource('en') }, zh: { translation: resource('zh') } },
  lng: 'en',
  fallbackLng: 'en',
  // React escapes what it renders.
  interpolation: { escapeValue: false },
});

/** The language the page speaks: the one chosen, or the browser's first that we have. */
export function resolveLanguage(choice: LanguageChoice, preferred: readonly string[]): Language {
  if (choice !== 'auto') return choice;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'zh') return 'zh';
    if (base === 'en') return 'en';
  }
  return 'en';
}

/** A lesson's words in a language (English is the lesson's own text). */
export function lessonText(lesson: Lesson, language: Language): LessonText {
  if (language === 'zh') return LESSONS_ZH[lesson.id];
  return {
    title: lesson.title,
    summary: lesson.summary,
    steps: lesson.steps.map((s) => ({
      title: s.title,
      text: s.text,
      task: s.task,
      claim: s.claim?.text,
    })),
  };
}

export { i18next };
