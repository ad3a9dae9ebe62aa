/**
 * npm run reproduce -- --preset <name> [--epochs N] [--out bench/reproduce/<name>.json]
 *   [--teacher public/models] [--set "alpha=0.05&T=30"] [--size]
 *
 * Runs a preset to its end headless, in Node with @tensorflow/tfjs on the WASM backend, with the
 * app's own Session (the engine's one run loop), recipe, data and pretrained teacher (public/models/teacher.*), and writes a JSON
 * result: every roster member's test errors and fidelity (agreement with its teacher, KL), the distilled and control students' errors, errors on omitted digits, the
 * effect of the paper's bias shift, the paper's numbers, time and backend.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { NUM_CLASSES } from '../src/data/mnistAssets.ts';
import { errorsByClass, predictWithBiasShift } from '../src/kd/plain.ts';
import { matMulForBackend } from '../src/kernels/denseMatMul.ts';
import type { TeacherWeights } from '../src/engine/members.ts';
import { Session } from '../src/engine/session.ts';
import { measureSizes } from '../src/engine/sizeReport.ts';
import type { MlpWeightsJson } from '../src/models/weightsFile.ts';
import { PRESET_IDS, type PresetId } from '../src/state/presetIds.ts';
import { PAPER_BIAS_SHIFT, presetById } from '../src/state/presets.ts';
import { toLiveHyper, toRecipe } from '../src/state/toRecipe.ts';
import { parseSettings } from '../src/state/urlState.ts';
import { flag, textOption } from './lib/cliOptions.ts';
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
/**
 * --paper: as long as the schema allows (50 epochs), with a test-set evaluation every epoch, to
 * see where the curves flatten against the paper's table (Hinton 2015: 67 / 74 / 146 errors).
 */
const paper = flag('paper');
/** --size: also the size trade-off (bytes float32/8-bit, time for the test set, 8-bit errors). */
const withSize = flag('size');
const overrides = [
  paper ? 'epochs=50' : '',
  textOption('epochs') === undefined ? '' : `epochs=${textOption('epochs')}`,
  textOption('set') ?? '',
].filter(Boolean);
const parsed = parseSettings([`preset=${preset.id}`, ...overrides].join('&'));
for (const notice of parsed.notices) console.error(`reproduce: ${notice.message}`);
// Always the pretrained teacher(s); evaluations only at the start and the end of each stage.
const settings = { ...parsed.settings, teacherSource: 'pretrained' as const, evalEvery: 5000 };
const out = textOption('out') ?? `bench/reproduce/${preset.id}${paper ? '-paper' : ''}.json`;
/** The folder with the teachers' weights files and teacher.record.json. */
const teacherDir = textOption('teacher') ?? 'public/models';

await tf.setBackend('wasm');
await tf.ready();
const recipe = toRecipe(settings);
recipe.schedule.evalEvery = paper ? Math.floor(60_000 / recipe.schedule.batchSize) : 1_000_000;
const pretrained = new Map<string, TeacherWeights>();
for (const t of recipe.teachers) {
  if (t.source.kind !== 'pretrained') continue;
  const json = JSON.parse(
    readFileSync(`${teacherDir}/${t.source.file}.json`, 'utf8'),
  ) as MlpWeightsJson;
  const bin = new Uint8Array(readFileSync(`${teacherDir}/${json.weightsManifest[0].paths[0]}`))
    .buffer;
  pretrained.set(t.source.file, { json, bin });
}
const teacherRecord = JSON.parse(readFileSync(`${teacherDir}/teacher.record.json`, 'utf8')) as {
  epochs: number;
  testErrors: number;
};
const data = { train: loadMnistNode('train'), test: loadMnistNode('test') };
const session = new Session(data, recipe, toLiveHyper(settings), {
  matMul: matMulForBackend('wasm'),
  pretrained,
});

const started = Date.now();
console.error(
  `reproduce: ${preset.title}: ${session.run.roster.map((m) => `${m.label} ${m.architecture}`).join(', ')}; ` +
    `T = ${settings.temperature}, α = ${settings.alpha}, loss ${settings.lossMode}, ` +
    `digits ${settings.transferDigits}, fraction ${settings.transferFraction}, labels ${settings.useLabels}, ${settings.studentEpochs} epochs; ` +
    `teacher ${teacherRecord.testErrors} errors after ${teacherRecord.epochs} epochs`,
);
const progress = new ProgressBar(1, preset.id);
let ticks = 0;
session.runToEnd((run) => {
  if (++ticks % 25 !== 0) return;
  const p = run.progress;
  progress.update(
    p.activity === 'training' && run.phase === 'learners' ? p.done / p.total : 0,
    `${p.activity} ${p.members.join(', ')}`,
  );
});
progress.update(1, 'done');
progress.done();
const seconds = (Date.now() - started) / 1000;
const size = withSize ? measureSizes(session.run, data.test) : null;

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
const logits = session.run.testLogits;
const latest = session.run.history.latest;
const paperShift = PAPER_BIAS_SHIFT[preset.id];
const shift = new Array<number>(NUM_CLASSES).fill(0);
if (paperShift) for (const d of paperShift.classes) shift[d] = paperShift.shift;
const trains = (id: string) => session.run.roster.find((m) => m.id === id)?.trains ?? false;
/** Errors on each of the preset's digit groups (e.g. each specialist's half), from test logits. */
const groupErrors = (id: string) => {
  const l = logits.get(id);
  if (!l || !preset.digitGroups) return undefined;
  const { perClass } = errorsByClass(
    predictWithBiasShift(l, labels.length, NUM_CLASSES, new Array<number>(NUM_CLASSES).fill(0)),
    labels,
    NUM_CLASSES,
  );
  return Object.fromEntries(
    preset.digitGroups.map((g) => [g.label, g.digits.reduce((n, d) => n + perClass[d], 0)]),
  );
};
const members = Object.fromEntries(
  session.run.roster.map((m) => [
    m.id,
    {
      groups: groupErrors(m.id),
      label: m.label,
      role: m.role,
      architecture: m.architecture,
      parameters: m.parameters,
      objective: m.objective ?? null,
      ...latest[m.id],
    },
  ]),
);
const result = {
  preset: preset.id,
  title: preset.title,
  command:
    `npm run reproduce -- --preset ${preset.id}` +
    (paper ? ' --paper' : '') +
    (withSize ? ' --size' : '') +
    (textOption('epochs') ? ` --epochs ${textOption('epochs')}` : '') +
    (textOption('set') ? ` --set "${textOption('set')}"` : ''),
  settings,
  recipe,
  transferSize: session.run.transfer.length,
  seenClassCounts: session.run.seenClassCounts,
  teacher: { errors: latest.teacher?.errors, epochs: teacherRecord.epochs },
  members,
  distilled: evaluate(logits.get('distilled')),
  control: trains('control') ? evaluate(logits.get('control')) : null,
  distilledWithPaperBias: paperShift
    ? { ...paperShift, ...evaluate(logits.get('distilled'), shift) }
    : null,
  paper: preset.paper,
  /** Test errors per member at each evaluation (with --paper: every epoch). */
  curve: session.run.history.evaluations.map((p) => ({
    epoch: Math.round(p.epoch * 100) / 100,
    errors: Object.fromEntries(
      Object.entries(p.accuracy).map(([id, a]) => [id, Math.round((1 - a) * labels.length)]),
    ),
  })),
  seconds: Math.round(seconds),
  /** With --size: each member's bytes, inference time for the test set and 8-bit errors. */
  size,
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
    agreement: Object.fromEntries(
      Object.entries(members).map(([id, m]) => [id, m.agreement ?? null]),
    ),
    seconds: result.seconds,
  }),
);
