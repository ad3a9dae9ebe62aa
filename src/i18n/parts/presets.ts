/** The words of the page's presets (components use them as t('presets.…')). */
import { part } from './part.ts';

export const presetsPart = part({}, {});
