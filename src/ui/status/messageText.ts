/**
 * Messages of the engine, the worker, the saved runs and the run files in the page's language.
 * Each is an English sentence, with the same sentence as words where its writer knows them
 * (engine/messageWords.ts): in English the page shows the sentence as written, in any other
 * language it words the data (t('messages.<key>')), and a sentence without words stays English.
 */
import { backendNote, backendReason } from '../../i18n/backendReason.ts';
import type { Language } from '../../i18n/i18n.ts';
import type { Words } from '../../engine/messageWords.ts';
import type { BackendReport } from '../../engine/protocol.ts';
import type { Translate } from './statusWords.ts';

/** Words in the language of `t`: words inside them first. */
export function wordsText({ key, values = {} }: Words, t: Translate): string {
  const filled = Object.fromEntries(
    Object.entries(values).map(([name, v]) => [name, typeof v === 'object' ? wordsText(v, t) : v]),
  );
  return t(`messages.${key}`, filled);
}

/** A message in the page's language: English as written; otherwise its words, if it has any. */
export function messageText(
  message: string,
  words: Words | null | undefined,
  t: Translate,
  language: Language,
): string {
  return language === 'en' || !words ? message : wordsText(words, t);
}

/**
 * Why a backend is in use. For a backend asked for by name the reason says so (as the engine's
 * English does); the others are worded from their attempts (i18n/backendReason.ts).
 */
export function backendText(report: BackendReport, t: Translate, language: Language): string {
  const { request, attempts } = report;
  const used = attempts.find((a) => a.ok);
  if (language === 'en' || !request || request === 'auto' || !used)
    return backendReason(report, language);
  const note = backendNote(used.note);
  if (report.fellBack && attempts[0] && !attempts[0].ok)
    return t('messages.backend.requested', {
      requested: request,
      why: backendNote(attempts[0].note),
      backend: report.backend,
      note,
    });
  if (!report.fellBack && report.backend === request)
    return t('messages.backend.asRequested', { backend: report.backend, note });
  return backendReason(report, language);
}
