/**
 * What the Share dialog hands a course author: the link of an embed (lesson or current
 * experiment, panels shown, settings locked), a suggested frame height, and the iframe snippet
 * with a listener that sizes the frame to the height the page reports (useEmbedHeight.ts).
 */
import type { LessonId } from '../../lessons/lessonIds.ts';
import { lessonById, lessonSettings } from '../../lessons/lessonSettings.ts';
import { PANEL_IDS, type PanelId } from '../../state/panels.ts';
import { presetById } from '../../state/presets.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../state/settingsSchema.ts';
import { serializeSettings } from '../../state/urlState.ts';
import { HEIGHT_MESSAGE } from './useEmbedHeight.ts';

export interface EmbedChoice {
  /** A lesson from its first step, or 'none' for the page's current experiment. */
  lesson: LessonId;
  show: readonly PanelId[];
  lock: boolean;
}

/**
 * Typical height of each panel in CSS px in a frame about 800 px wide (measured from the
 * screenshots of e2e/screenshots.spec.ts; charts and lists grow with the roster).
 */
const PANEL_HEIGHT: Record<PanelId, number> = {
  lesson: 300,
  controls: 620,
  results: 260,
  runs: 240,
  settings: 430,
  presets: 170,
  targets: 330,
  charts: 300,
  explore: 560,
  perclass: 400,
};
/** The status line, margins between panels and the page padding. */
const FRAME_CHROME = 90;
const PANEL_GAP = 14;

/** The settings the embed opens with: the lesson's first step, or the page as it is now. */
export function embedSettings(current: Settings, choice: EmbedChoice): Settings {
  const base: Settings = lessonById(choice.lesson)
    ? { ...DEFAULT_SETTINGS, ...lessonSettings(choice.lesson, 1), lesson: choice.lesson }
    : { ...current, lesson: 'none', lessonStep: 1 };
  const hide = PANEL_IDS.filter((p) => !choice.show.includes(p)).join(',');
  return { ...base, embed: true, hide, lock: choice.lock, backend: 'auto' };
}

/** The embed's address: `pageUrl` (origin and path of the app) with the settings' query. */
export function embedUrl(pageUrl: string, current: Settings, choice: EmbedChoice): string {
  return `${pageUrl}?${serializeSettings(embedSettings(current, choice))}`;
}

/** A frame height that shows the chosen panels stacked (the frame then sizes itself). */
export function suggestedHeight(show: readonly PanelId[]): number {
  const panels = PANEL_IDS.filter((p) => show.includes(p));
  return FRAME_CHROME + panels.reduce((h, p) => h + PANEL_HEIGHT[p] + PANEL_GAP, 0);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The frame's accessible name: what it shows. */
export function embedTitle(current: Settings, choice: EmbedChoice): string {
  const lesson = lessonById(choice.lesson);
  if (lesson) return `KD Playground lesson: ${lesson.title}`;
  const preset = presetById(current.preset);
  return preset ? `KD Playground: ${preset.title}` : 'KD Playground';
}

/** The HTML a course author pastes: the iframe, and a listener that sizes it. */
export function embedSnippet(pageUrl: string, current: Settings, choice: EmbedChoice): string {
  const src = embedUrl(pageUrl, current, choice);
  const origin = new URL(pageUrl).origin;
  return [
    `<iframe id="kd-playground" src="${escapeHtml(src)}"`,
    `  title="${escapeHtml(embedTitle(current, choice))}"`,
    `  width="100%" height="${suggestedHeight(choice.show)}" style="border:0" loading="lazy"></iframe>`,
    '<script>',
    '  // KD Playground reports its content height; the frame follows it.',
    "  window.addEventListener('message', function (e) {",
    "    var frame = document.getElementById('kd-playground');",
    `    if (e.origin !== '${origin}' || e.source !== frame.contentWindow) return;`,
    `    if (e.data && e.data.type === '${HEIGHT_MESSAGE}') frame.style.height = e.data.height + 'px';`,
    '  });',
    '</script>',
  ].join('\n');
}
