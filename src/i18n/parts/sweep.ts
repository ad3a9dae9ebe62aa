/** The words of the page's sweep area (components use them as t('sweep.…')); filled in by area. */
import { part } from './part.ts';

export const sweepPart = part({}, {});
