/** The words of the page's status (components use them as t('status.…')). */
import { part } from './part.ts';

export const statusPart = part({}, {});
