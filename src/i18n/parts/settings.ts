/** The words of the page's settings area (components use them as t('settings.…')); filled in by area. */
import { part } from './part.ts';

export const settingsPart = part({}, {});
