/** The words of the page's runs (components use them as t('runs.…')). */
import { part } from './part.ts';

export const runsPart = part({}, {});
