/** The words of the page's results (components use them as t('results.…')). */
import { part } from './part.ts';

export const resultsPart = part({}, {});
