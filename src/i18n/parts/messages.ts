/** The words of the page's messages area (components use them as t('messages.…')); filled in by area. */
import { part } from './part.ts';

export const messagesPart = part({}, {});
