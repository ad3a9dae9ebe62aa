/**
 * The page's panels, each of which a link can hide (`?hide=charts,explore`), as
 * tensorflow/playground's `_hide` keys do; an embed shows only what a course needs.
 */
export const PANEL_IDS = [
  'lesson',
  'controls',
  'results',
  'runs',
  'settings',
  'presets',
  'targets',
  'charts',
  'explore',
  'perclass',
] as const;

export type PanelId = (typeof PANEL_IDS)[number];

// Their names, in each language: i18n/en.ts `panels`.

/** Whether `hide` (the setting's comma-separated value) hides `panel`. */
export function isHidden(hide: string, panel: PanelId): boolean {
  return hide.split(',').includes(panel);
}
