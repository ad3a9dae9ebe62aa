/** The words of the page's controls (components use them as t('controls.…')). */
import { part } from './part.ts';

export const controlsPart = part({}, {});
