/** The words of the page's explore area (components use them as t('explore.…')); filled in by area. */
import { part } from './part.ts';

export const explorePart = part({}, {});
