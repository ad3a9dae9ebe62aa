/**
 * npm run train:teacher [-- --epochs 60 --seed 1 --batch 128] [--resume] [--ema 0.999]
 *   [--dropout-input 0.1 --dropout-hidden 0.3] [--out public/models]
 *
 * Trains the 784-1200-1200-10 teacher in Node with @tensorflow/tfjs on the WASM backend, with the
 * app's own Session (the engine's one run loop, as in the page), model, data and loss code: dropout (by default TEACHER_DROPOUT, 10% of inputs and 30%
 * of hidden units) and random translations of up to ±2 px (Hinton et al. 2015), Adam with an
 * exponentially decaying learning rate. Seeded and repeatable. Writes public/models/teacher.json +
 * teacher.bin (float16) and public/models/teacher.record.json after every epoch, so an interrupted
 * run leaves a usable teacher.
 *
 * --resume starts from the stored teacher and goes on with the epochs after those in its record
 * (same data order, fresh Adam moments); the record keeps the whole history and every command.
 * --ema d keeps an exponential moving average of the weights (decay d per step, Polyak
 * averaging); it is evaluated every epoch beside the raw weights and is what gets saved.
 * --dropout-input / --dropout-hidden change the dropout rates (default: TEACHER_DROPOUT);
 * --out writes (and, with --resume, reads) the teacher files in another folder.
 * --label-smoothing ε trains on label-smoothed targets (the "smoothed teacher" preset's teacher).
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { EvaluationJob } from '../src/engine/evaluation.ts';
import type { TeacherMember, TeacherWeights } from '../src/engine/members.ts';
import type { Recipe } from '../src/engine/recipe.ts';
import { Session } from '../src/engine/session.ts';
import { TEACHER_DROPOUT } from '../src/models/architectures.ts';
import { matMulForBackend } from '../src/kernels/denseMatMul.ts';
import { cloneMlp, disposeMlp, type Mlp } from '../src/models/mlp.ts';
import {
  assignMlpWeights,
  encodeMlpWeights,
  type MlpWeightsJson,
} from '../src/models/weightsFile.ts';
import { flag, numberOption, textOption } from './lib/cliOptions.ts';
import { loadMnistNode } from './lib/nodeMnist.ts';
import { formatSeconds, ProgressBar } from './lib/progress.ts';
import { writeTeacherSamples } from './lib/teacherSamples.ts';

const epochs = numberOption('epochs', 60);
const seed = numberOption('seed', 1);
const batchSize = numberOption('batch', 128);
const lr0 = numberOption('lr', 1e-3);
const decay = numberOption('decay', 0.94);
const maxShift = numberOption('shift', 2);
const emaDecay = numberOption('ema', 0);
const dropout = {
  input: numberOption('dropout-input', TEACHER_DROPOUT.input),
  hidden: numberOption('dropout-hidden', TEACHER_DROPOUT.hidden),
};
/** --label-smoothing ε: train on (1 − ε)·onehot + ε/10 (Müller et al. 2019: a worse teacher). */
const labelSmoothing = numberOption('label-smoothing', 0);
const resume = flag('resume');
const outDir = textOption('out') ?? 'public/models';

interface EpochRecord {
  epoch: number;
  testErrors: number;
  testErrorsRaw?: number;
  lr: number;
  seconds: number;
}
interface PriorRecord {
  epochs: number;
  seconds: number;
  history: EpochRecord[];
  command: string;
  commands?: string[];
}

await tf.setBackend('wasm');
await tf.ready();
const train = loadMnistNode('train');
const test = loadMnistNode('test');
const prior = resume ? loadStoredTeacher() : null;
const firstEpoch = prior?.record.epochs ?? 0;
const command =
  `npm run train:teacher -- --epochs ${epochs} --seed ${seed} --batch ${batchSize} --lr ${lr0} ` +
  `--decay ${decay} --shift ${maxShift}${emaDecay > 0 ? ` --ema ${emaDecay}` : ''}` +
  (dropout.input !== TEACHER_DROPOUT.input ? ` --dropout-input ${dropout.input}` : '') +
  (dropout.hidden !== TEACHER_DROPOUT.hidden ? ` --dropout-hidden ${dropout.hidden}` : '') +
  (labelSmoothing > 0 ? ` --label-smoothing ${labelSmoothing}` : '') +
  `${resume ? ' --resume' : ''}${outDir !== 'public/models' ? ` --out ${outDir}` : ''}`;

/** The stored teacher to resume from and the record it was saved with. */
function loadStoredTeacher(): { weights: TeacherWeights; record: PriorRecord } {
  const recordFile = `${outDir}/teacher.record.json`;
  if (!existsSync(recordFile)) throw new Error(`--resume needs ${recordFile}`);
  const json = JSON.parse(readFileSync(`${outDir}/teacher.json`, 'utf8')) as MlpWeightsJson;
  const bin = new Uint8Array(readFileSync(`${outDir}/teacher.bin`)).buffer;
  return {
    weights: { json, bin },
    record: JSON.parse(readFileSync(recordFile, 'utf8')) as PriorRecord,
  };
}

/** A recipe with one teacher to train and no learners: the session's loop trains it. */
const recipe: Recipe = {
  seed,
  teachers: [
    {
      id: 'teacher',
      label: 'teacher',
      hidden: '1200-1200',
      source: {
        kind: 'train',
        training: {
          epochs,
          seed,
          shift: maxShift,
          learningRateDecay: decay,
          weightAverage: emaDecay > 0 ? emaDecay : undefined,
          dropout,
          labelSmoothing: labelSmoothing > 0 ? labelSmoothing : undefined,
          startEpoch: firstEpoch,
          initialWeights: prior ? 'resume' : undefined,
        },
      },
    },
  ],
  learners: [],
  transfer: { digits: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], fraction: 1, labels: true },
  schedule: { epochs: 0, batchSize, learningRate: lr0, evalEvery: Number.MAX_SAFE_INTEGER },
};

function testErrors(model: Mlp): number {
  const job = new EvaluationJob(test, [{ id: 'teacher', model }], 0);
  job.runToEnd();
  return job.errors()[0][1];
}

const started = Date.now();
const history: EpochRecord[] = [...(prior?.record.history ?? [])];
const priorSeconds = prior?.record.seconds ?? 0;
mkdirSync(outDir, { recursive: true });
let progress: ProgressBar | null = null;

function onEpoch(teacher: TeacherMember, epochsDone: number, meanLoss: number): void {
  const e = epochsDone - 1;
  const epoch = firstEpoch + e;
  const lr = lr0 * decay ** e;
  const rawErrors = testErrors(teacher.model!);
  const errors = teacher.average ? testErrors(teacher.average) : rawErrors;
  const seconds = priorSeconds + (Date.now() - started) / 1000;
  history.push({ epoch: epoch + 1, testErrors: errors, lr, seconds: Math.round(seconds) });
  if (teacher.average) history[history.length - 1].testErrorsRaw = rawErrors;
  progress?.done();
  console.error(
    `epoch ${epoch + 1}: train CE ${meanLoss.toFixed(4)}, test errors ${errors}/10000` +
      (teacher.average ? ` (averaged; raw weights ${rawErrors})` : '') +
      `, lr ${lr.toExponential(2)}, ${formatSeconds(seconds)}`,
  );
  save(teacher.average ?? teacher.model!, epoch + 1, errors, seconds, teacher.model!.dropout);
}

const session = new Session(
  { train, test },
  recipe,
  { temperature: 1, alpha: 1 },
  {
    matMul: matMulForBackend('wasm'),
    pretrained: prior ? new Map([['resume', prior.weights]]) : new Map(),
    onTeacherEpoch: onEpoch,
  },
);
const stepsPerEpoch = Math.floor(train.count / batchSize);
console.error(
  `train-teacher: ${epochs} epochs of ${stepsPerEpoch} steps, batch ${batchSize}, seed ${seed}, wasm backend` +
    (resume ? `, resuming after epoch ${firstEpoch}` : '') +
    (emaDecay > 0 ? `, weight average with decay ${emaDecay}` : ''),
);
progress = new ProgressBar(epochs * stepsPerEpoch, 'teacher');
session.runToEnd((run) => {
  if (run.phase === 'teachers' && run.step % 20 === 0)
    progress?.update(
      run.step,
      `epoch ${firstEpoch + Math.floor(run.epoch) + 1}/${firstEpoch + epochs}`,
    );
});
session.dispose();

/** Writes the float16 weights and the record; the float16 copy is evaluated too. */
function save(
  model: Mlp,
  epochsDone: number,
  errors: number,
  seconds: number,
  modelDropout: Mlp['dropout'],
): void {
  const { json, bin } = encodeMlpWeights(model, 'teacher.bin');
  const roundTrip = cloneMlp(model, 'teacher-f16');
  assignMlpWeights(
    roundTrip,
    json,
    bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer,
  );
  const errorsFloat16 = testErrors(roundTrip);
  disposeMlp(roundTrip);
  // The page refuses a .bin whose SHA-256 differs (corrupt or swapped bytes).
  json.sha256 = createHash('sha256').update(bin).digest('hex'); // = sha256Hex, synchronously
  writeFileSync(`${outDir}/teacher.json`, JSON.stringify(json));
  writeFileSync(`${outDir}/teacher.bin`, bin);
  const record = {
    model: '784-1200-1200-10',
    epochs: epochsDone,
    testErrors: errors,
    testErrorsFloat16: errorsFloat16,
    testSize: test.count,
    seconds: Math.round(seconds),
    backend: tf.getBackend(),
    command,
    commands: [...(prior ? (prior.record.commands ?? [prior.record.command]) : []), command],
    seed,
    batchSize,
    learningRate: { initial: lr0, decayPerEpoch: decay },
    weightAverageDecay: emaDecay > 0 ? emaDecay : undefined,
    dropout: modelDropout,
    labelSmoothing: labelSmoothing > 0 ? labelSmoothing : undefined,
    jitterPixels: maxShift,
    storage: 'float16',
    date: new Date().toISOString(),
    history,
  };
  writeFileSync(`${outDir}/teacher.record.json`, `${JSON.stringify(record, null, 2)}\n`);
  writeTeacherSamples(outDir);
}
