/** Every area's words, by namespace key: t('controls.train'), t('results.errors'), … */
import { chartsPart } from './charts.ts';
import { controlsPart } from './controls.ts';
import { explorePart } from './explore.ts';
import { insidePart } from './inside.ts';
import { sweepPart } from './sweep.ts';
import { settingsPart } from './settings.ts';
import { messagesPart } from './messages.ts';
import { presetsPart } from './presets.ts';
import { resultsPart } from './results.ts';
import { runsPart } from './runs.ts';
import { statusPart } from './status.ts';
import { targetsPart } from './targets.ts';

export const PARTS = {
  controls: controlsPart,
  status: statusPart,
  presets: presetsPart,
  results: resultsPart,
  charts: chartsPart,
  targets: targetsPart,
  runs: runsPart,
  explore: explorePart,
  inside: insidePart,
  sweep: sweepPart,
  settings: settingsPart,
  messages: messagesPart,
};
