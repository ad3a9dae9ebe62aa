/** The words of the page's targets (components use them as t('targets.…')). */
import { part } from './part.ts';

export const targetsPart = part({}, {});
