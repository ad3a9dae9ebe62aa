/**
 * The words of the messages the page's side of the engine writes: why the training worker is
 * gone (engineClient.ts, inPageEngine.ts) and why no worker could start. They reach the page as
 * plain sentences (useEngine hands them on as text), so their words are found from the sentence:
 * each is written from one English template of the messages' words, whose values it gives back.
 */
import { recognise, say, type MessageKey, type Words } from '../engine/messageWords.ts';
import { messagesPart } from '../i18n/parts/messages.ts';

const KEYS: MessageKey[] = [
  'client.unanswered',
  'client.crashed',
  'client.noEngine',
  'client.workerBlocked',
];

/** A lost worker's or a blocked worker's sentence as words; null for any other sentence. */
export function clientWords(message: string): Words | null {
  const words = recognise(KEYS, message);
  if (words?.key === 'client.crashed' && words.values?.why === messagesPart.en.client.uncaught)
    return say('client.crashed', { why: say('client.uncaught') });
  return words;
}
