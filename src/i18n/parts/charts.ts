/** The words of the page's charts (components use them as t('charts.…')). */
import { part } from './part.ts';

export const chartsPart = part({}, {});
