/**
 * A message as data: the key of its words among the page's messages (i18n/parts/messages.ts,
 * shown as t('messages.<key>')) and the values of their {{placeholders}}. The engine, the
 * worker's client, the run store and the run file write their English from these words (the
 * English templates, without i18next: the worker and the stores stay free of it) and send the
 * words beside it; the page shows the English as written, and words the data in any other
 * language (ui/status/messageText.ts). A data file's fault is written in src/data, which knows
 * nothing of messages: its sentence is recognised from the templates instead.
 */
import { MESSAGES_EN } from '../i18n/parts/messagesEn.ts';
import { DataAssetError } from '../data/loadMnist.ts';
import { REBUILD_DATA_COMMAND } from '../data/mnistAssets.ts';

type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];

/** A key of the messages' words, e.g. 'engine.teacher.sha'. */
export type MessageKey = Leaves<typeof MESSAGES_EN>;

/** A placeholder's value: a number or text shown as it is, or words of their own. */
export type WordValue = string | number | Words;

export interface Words {
  key: MessageKey;
  values?: Readonly<Record<string, WordValue>>;
}

/** A message for the page: its English sentence, and its words where its writer knows them. */
export interface WordedMessage {
  message: string;
  words?: Words;
}

export const say = (key: MessageKey, values?: Words['values']): Words =>
  values ? { key, values } : { key };

/** The English template of a key. */
function englishTemplate(key: MessageKey): string {
  return key
    .split('.')
    .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], MESSAGES_EN) as string;
}

/** Words in English, from the templates alone (what i18next's English gives, without it). */
export function englishWords({ key, values = {} }: Words): string {
  return englishTemplate(key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    return typeof value === 'object' ? englishWords(value) : String(value);
  });
}

/** Words as a message: the English sentence with the words beside it. */
export const worded = (words: Words): Required<WordedMessage> => ({
  message: englishWords(words),
  words,
});

/** An error whose message is the English of its words, which it carries. */
export class WordedError extends Error {
  constructor(readonly words: Words) {
    super(englishWords(words));
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patterns = new Map<MessageKey, RegExp>();

/**
 * The values of a sentence written from a key's English template, or null if it was not: the
 * placeholders match any text (the shortest that lets the rest of the sentence match).
 */
function matchTemplate(key: MessageKey, text: string): Record<string, string> | null {
  let pattern = patterns.get(key);
  if (!pattern) {
    const source = englishTemplate(key)
      .split(/(\{\{\w+\}\})/)
      .map((part) => {
        const name = /^\{\{(\w+)\}\}$/.exec(part)?.[1];
        return name ? `(?<${name}>.*?)` : escape(part);
      })
      .join('');
    pattern = new RegExp(`^${source}$`, 's');
    patterns.set(key, pattern);
  }
  const found = pattern.exec(text);
  return found ? { ...found.groups } : null;
}

/** What src/data says is wrong with a file (loadMnist.ts, idx.ts), as its templates. */
const DATA_FAULTS: MessageKey[] = [
  'engine.data.network',
  'engine.data.gzip',
  'engine.data.html',
  'engine.data.short',
  'engine.data.magic',
  'engine.data.truncated',
  'engine.data.imagesAre',
  'engine.data.imageSize',
  'engine.data.badLabel',
  'engine.data.imageCount',
  'engine.data.labelCount',
];

/** The fault's words, or the fault as src/data said it (an HTTP status stays as the server said it). */
function dataFault(detail: string): WordValue {
  for (const key of DATA_FAULTS) {
    const values = matchTemplate(key, detail);
    if (values) return say(key, Object.keys(values).length > 0 ? values : undefined);
  }
  return detail;
}

/** A data file's fault as words: its file, what was wrong and the command that rebuilds the data. */
export function dataErrorWords(e: DataAssetError): Words {
  return say('engine.dataFile', {
    file: e.file,
    detail: dataFault(e.detail),
    command: REBUILD_DATA_COMMAND,
  });
}

/** The words an error carries (or a data file's fault's); undefined for any other error. */
export function wordsOf(e: unknown): Words | undefined {
  if (e instanceof DataAssetError) return dataErrorWords(e);
  if (e instanceof WordedError) return e.words;
  return undefined;
}
