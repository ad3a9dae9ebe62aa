/**
 * A message as data, beside its English sentence: the key of its words among the page's messages
 * (i18n/parts/messages.ts, shown as t('messages.<key>')) and the values of their {{placeholders}}.
 * The engine, the worker's client, the run store and the run file keep writing their English as
 * they always have, and attach the same sentence as words; the page shows the English as written
 * and words the data in any other language (ui/status/messageText.ts). No i18next here: the
 * worker and the stores stay free of it; only the English templates are read, to recognise a
 * sentence written elsewhere (the data files' faults, a lost worker).
 */
import { messagesPart } from '../i18n/parts/messages.ts';
import { DataAssetError } from '../data/loadMnist.ts';
import { REBUILD_DATA_COMMAND } from '../data/mnistAssets.ts';

type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];

/** A key of the messages' words, e.g. 'engine.teacher.sha'. */
export type MessageKey = Leaves<typeof messagesPart.en>;

/** A placeholder's value: a number or text shown as it is, or words of their own. */
export type WordValue = string | number | Words;

export interface Words {
  key: MessageKey;
  values?: Readonly<Record<string, WordValue>>;
}

export const say = (key: MessageKey, values?: Words['values']): Words =>
  values ? { key, values } : { key };

/** An error that carries its message as words too. */
export type WordedError = Error & { words: Words };

export function withWords(error: Error, words: Words): WordedError {
  return Object.assign(error, { words });
}

/** The English template of a key. */
export function englishTemplate(key: MessageKey): string {
  return key
    .split('.')
    .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messagesPart.en) as string;
}

/** Words in English, from the templates alone (what i18next's English gives, without it). */
export function englishWords({ key, values = {} }: Words): string {
  return englishTemplate(key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    return typeof value === 'object' ? englishWords(value) : String(value);
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patterns = new Map<MessageKey, RegExp>();

/**
 * The values of a sentence written from a key's English template, or null if it was not: the
 * placeholders match any text (the shortest that lets the rest of the sentence match).
 */
export function matchTemplate(key: MessageKey, text: string): Record<string, string> | null {
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

/** The first of these keys whose template wrote `text`, as words; null when none did. */
export function recognise(keys: readonly MessageKey[], text: string): Words | null {
  for (const key of keys) {
    const values = matchTemplate(key, text);
    if (values) return say(key, Object.keys(values).length > 0 ? values : undefined);
  }
  return null;
}

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

/**
 * A data file's fault as words: its file, what was wrong (an HTTP status stays as the server
 * said it) and the command that rebuilds the data. Null if the message is not the usual one.
 */
export function dataErrorWords(e: DataAssetError): Words | null {
  const head = `Could not load the MNIST file ${e.file}: `;
  const tail = `. Rebuild the data with \`${REBUILD_DATA_COMMAND}\`.`;
  if (!e.message.startsWith(head) || !e.message.endsWith(tail)) return null;
  const detail = e.message.slice(head.length, e.message.length - tail.length);
  return say('engine.dataFile', {
    file: e.file,
    detail: recognise(DATA_FAULTS, detail) ?? detail,
    command: REBUILD_DATA_COMMAND,
  });
}

/** The words an error carries (or a data file's fault); undefined for any other error. */
export function wordsOf(e: unknown): Words | undefined {
  if (e instanceof DataAssetError) return dataErrorWords(e) ?? undefined;
  if (e instanceof Error && 'words' in e) return (e as WordedError).words;
  return undefined;
}
