import type { DeepStrings } from '../en.ts';

/**
 * One area of the page's words (a folder of components), in English and Chinese. TypeScript
 * holds the Chinese to the English keys; i18n.test.ts checks them again, with placeholders.
 */
export interface Part<E extends object> {
  en: E;
  zh: DeepStrings<E>;
}

export function part<E extends object>(en: E, zh: DeepStrings<E>): Part<E> {
  return { en, zh };
}
