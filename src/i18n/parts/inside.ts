/** The words of the page's inside area (components use them as t('inside.…')); filled in by area. */
import { part } from './part.ts';

export const insidePart = part({}, {});
