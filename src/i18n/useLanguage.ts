import { useLayoutEffect } from 'react';
import { i18next, resolveLanguage, type Language, type LanguageChoice } from './i18n.ts';

/**
 * Puts the page in the chosen language (or the browser's) and says it on <html lang>. The
 * switch happens before the browser paints (a layout effect), so no English flashes by.
 */
export function useLanguage(choice: LanguageChoice): Language {
  const language = resolveLanguage(choice, navigator.languages ?? [navigator.language]);
  useLayoutEffect(() => {
    if (i18next.language !== language) void i18next.changeLanguage(language);
    document.documentElement.lang = language === 'zh' ? 'zh-Hans' : 'en';
  }, [language]);
  return language;
}
