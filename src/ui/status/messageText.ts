/**
 * Messages of the engine, the worker, the saved runs and the run files in the page's language.
 * Each is an English sentence, with its words where its writer knows them (engine/messageWords.ts):
 * in English the page shows the sentence as written, in any other language it words the data
 * (t('messages.<key>')), and a sentence without words stays English.
 */
import type { Language } from '../../i18n/i18n.ts';
import type { WordedMessage, Words } from '../../engine/messageWords.ts';
import type { Translate } from './statusWords.ts';

/** Words in the language of `t`: words inside them first. */
export function wordsText({ key, values = {} }: Words, t: Translate): string {
  const filled = Object.fromEntries(
    Object.entries(values).map(([name, v]) => [name, typeof v === 'object' ? wordsText(v, t) : v]),
  );
  return t(`messages.${key}`, filled);
}

/** A message in the page's language: English as written; otherwise its words, if it has any. */
export function messageText({ message, words }: WordedMessage, t: Translate, language: Language) {
  return language === 'en' || !words ? message : wordsText(words, t);
}
