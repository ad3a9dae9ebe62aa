/**
 * The run on screen as a run file (export/runFile.ts): its settings link, roster, curves, latest
 * results, and each learner's weights as a TensorFlow.js Layers model.
 */
import type { LearnerExport, Roster, Snapshot } from '../../engine/protocol.ts';
import { RUN_FILE_FORMAT, type RunFileV1 } from '../../export/runFileV1.ts';
import { presetById } from '../../state/presets.ts';
import type { Settings } from '../../state/settingsSchema.ts';
import { serializeSettings } from '../../state/urlState.ts';

/** A name for a run: its experiment (`title`: in the page's language) and when it was saved. */
export function runName(settings: Settings, when: Date, title?: string): string {
  title ??= presetById(settings.preset)?.title ?? 'Custom run';
  const stamp = when.toISOString().slice(0, 16).replace('T', ' ');
  return `${title}, T ${settings.temperature}, α ${settings.alpha} (${stamp})`;
}

function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let text = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < view.length; i += CHUNK)
    text += String.fromCharCode(...view.subarray(i, i + CHUNK));
  return btoa(text);
}

export function currentRunFile(
  settings: Settings,
  roster: Roster,
  snapshot: Snapshot,
  learners: readonly LearnerExport[],
  when = new Date(),
  title?: string,
): RunFileV1 {
  return {
    format: RUN_FILE_FORMAT,
    version: 1,
    savedAt: when.toISOString(),
    name: runName(settings, when, title),
    query: serializeSettings(settings),
    roster,
    evaluations: snapshot.evaluations,
    loss: snapshot.loss,
    latest: snapshot.latest,
    learners: learners.map((l) => ({
      id: l.id,
      label: l.label,
      modelJson: l.modelJson,
      weightsFile: l.weightsFile,
      weightsBase64: toBase64(l.weights),
    })),
  };
}
