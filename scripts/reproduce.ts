/**
 * npm run reproduce -- --preset <name> [--epochs N] [--out bench/reproduce/<name>.json]
 *   [--teacher public/models] [--set "alpha=0.05&T=30"]
 *
 * Runs a preset to its end headless, in Node with @tensorflow/tfjs on the WASM backend, with the
 * app's own Trainer, data and pretrained teacher (public/models/teacher.*), and writes a JSON
 * result: test errors of teacher, distilled and control student, errors on omitted digits, the
 * effect of the paper's bias shift, the paper's numbers, time and backend.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { NUM_CLASSES } from '../src/data/mnistAssets.ts';
import { errorsByClass, predictWithBiasShift } from '../src/kd/plain.ts';
import { matMulForBackend } from '../src/kernels/denseMatMul.ts';
import { Trainer } from '../src/engine/trainer.ts';
import type { MlpWeightsJson } from '../src/models/weightsFile.ts';
import { PRESET_IDS, type PresetId } from '../src/state/presetIds.ts';
import { PAPER_BIAS_SHIFT, presetById } from '../src/state/presets.ts';
import { toEngineConfig, toLiveHyper } from '../src/state/settingsSchema.ts';
import { parseSettings } from '../src/state/urlState.ts';
import { textOption } from './lib/cliOptions.ts';
import { loadMnistNode } from './lib/nodeMnist.ts';
import { formatSeconds, ProgressBar } from './lib/progress.ts';
import { writeReproduceTable } from './lib/reproduceTable.ts';

const presetId = textOption('preset') as PresetId | undefined;
const preset = presetId ? presetById(presetId) : undefined;
if (!preset) {
  console.error(
    `reproduce: --preset must be one of ${PRESET_IDS.filter((p) => p !== 'none').join(', ')}`,
  );
  process.exit(2);
}
// --set takes URL parameters, as in the page's link (e.g. "alpha=0.05&T=30"), over the preset's;
// --epochs N is epochs=N. Both go through the settings schema: out-of-range values are clamped
// with a notice, as on the page.
const overrides = [
  textOption('epochs') === undefined ? '' : `epochs=${textOption('epochs')}`,
  textOption('set') ?? '',
].filter(Boolean);
const parsed = parseSettings([`preset=${preset.id}`, ...overrides].join('&'));
for (const notice of parsed.notices) console.error(`reproduce: ${notice.message}`);
const settings = parsed.settings;
const out = textOption('out') ?? `bench/reproduce/${preset.id}.json`;
/** The folder with teacher.json, teacher.bin and teacher.record.json. */
const teacherDir = textOption('teacher') ?? 'public/models';

await tf.setBackend('wasm');
await tf.ready();
const teacherJson = JSON.parse(
  readFileSync(`${teacherDir}/teacher.json`, 'utf8'),
) as MlpWeightsJson;
const teacherBin = new Uint8Array(readFileSync(`${teacherDir}/teacher.bin`)).buffer;
const teacherRecord = JSON.parse(readFileSync(`${teacherDir}/teacher.record.json`, 'utf8')) as {
  epochs: number;
  testErrors: number;
};
const data = { train: loadMnistNode('train'), test: loadMnistNode('test') };
const config = {
  ...toEngineConfig(settings),
  teacherSource: 'pretrained' as const,
  evalEvery: 1_000_000,
};
const trainer = new Trainer(data, config, toLiveHyper(settings), matMulForBackend('wasm'), {
  json: teacherJson,
  bin: teacherBin,
});

const started = Date.now();
console.error(
  `reproduce: ${preset.title}: student ${settings.studentSize}, T = ${settings.temperature}, α = ${settings.alpha}, ` +
    `digits ${settings.transferDigits}, fraction ${settings.transferFraction}, labels ${settings.useLabels}, ${settings.studentEpochs} epochs; ` +
    `teacher ${teacherRecord.testErrors} errors after ${teacherRecord.epochs} epochs`,
);
const progress = new ProgressBar(1, preset.id);
let ticks = 0;
while (trainer.phase !== 'done' || trainer.evaluating) {
  const result = trainer.tick();
  if (result === 'diverged') throw new Error(trainer.divergence);
  if (++ticks % 25 === 0) {
    const fraction =
      trainer.phase === 'students' || trainer.phase === 'done'
        ? trainer.epoch / settings.studentEpochs
        : 0;
    progress.update(fraction, trainer.progress);
  }
}
progress.update(1, 'done');
progress.done();
const seconds = (Date.now() - started) / 1000;

const labels = data.test.labels;
const omitted = [...Array(NUM_CLASSES).keys()].filter(
  (d) => !settings.transferDigits.includes(String(d)),
);
const evaluate = (
  logits: Float32Array | undefined,
  shift = new Array<number>(NUM_CLASSES).fill(0),
) => {
  if (!logits) return null;
  const { total, perClass, countPerClass } = errorsByClass(
    predictWithBiasShift(logits, labels.length, NUM_CLASSES, shift),
    labels,
    NUM_CLASSES,
  );
  return {
    errors: total,
    accuracy: 1 - total / labels.length,
    omittedErrors: omitted.reduce((n, d) => n + perClass[d], 0),
    omittedCount: omitted.reduce((n, d) => n + countPerClass[d], 0),
    perClassErrors: perClass,
  };
};
// The teacher was evaluated once, before the students; the students at the end.
const logits = trainer.lastEvaluation?.logits ?? {};
const paperShift = PAPER_BIAS_SHIFT[preset.id];
const shift = new Array<number>(NUM_CLASSES).fill(0);
if (paperShift) for (const d of paperShift.classes) shift[d] = paperShift.shift;
const result = {
  preset: preset.id,
  title: preset.title,
  command:
    `npm run reproduce -- --preset ${preset.id}` +
    (textOption('epochs') ? ` --epochs ${textOption('epochs')}` : '') +
    (textOption('set') ? ` --set "${textOption('set')}"` : ''),
  settings,
  transferSize: trainer.transfer.length,
  seenClassCounts: trainer.seenClassCounts,
  teacher: { errors: trainer.latest.teacher, epochs: teacherRecord.epochs },
  distilled: evaluate(logits.distilled),
  control: trainer.controlTrains ? evaluate(logits.control) : null,
  distilledWithPaperBias: paperShift
    ? { ...paperShift, ...evaluate(logits.distilled, shift) }
    : null,
  paper: preset.paper,
  seconds: Math.round(seconds),
  backend: tf.getBackend(),
  date: new Date().toISOString(),
};
mkdirSync(out.replace(/\/[^/]+$/, ''), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.error(`reproduce: ${preset.id} done in ${formatSeconds(seconds)}; wrote ${out}`);
if (!textOption('out')) writeReproduceTable('bench/reproduce');
console.log(
  JSON.stringify({
    preset: result.preset,
    teacher: result.teacher.errors,
    distilled: result.distilled?.errors,
    control: result.control?.errors ?? null,
    omitted: result.distilled?.omittedErrors,
    withBias: result.distilledWithPaperBias?.errors ?? null,
    seconds: result.seconds,
  }),
);
