/**
 * npm run train:teacher [-- --epochs 60 --seed 1 --batch 128] [--resume] [--ema 0.999]
 *   [--dropout-input 0.1 --dropout-hidden 0.3] [--out public/models]
 *
 * Trains the 784-1200-1200-10 teacher in Node with @tensorflow/tfjs on the WASM backend, with the
 * app's own model, data and loss code: dropout (by default TEACHER_DROPOUT, 10% of inputs and 30%
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
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import seedrandom from 'seedrandom';
import { seededPermutation } from '../src/data/batches.ts';
import { fillBatchJittered } from '../src/data/jitter.ts';
import { IMAGE_SIZE } from '../src/data/mnistAssets.ts';
import { EvaluationJob } from '../src/engine/evaluation.ts';
import { hardLabelStep } from '../src/engine/steps.ts';
import { TEACHER_DROPOUT, TEACHER_SIZES } from '../src/models/architectures.ts';
import { matMulForBackend } from '../src/kernels/denseMatMul.ts';
import { cloneMlp, createMlp, type Mlp } from '../src/models/mlp.ts';
import { OnePassAdam } from '../src/kernels/onePassAdam.ts';
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
const matMul = matMulForBackend('wasm');
const train = loadMnistNode('train');
const test = loadMnistNode('test');
const teacher = createMlp('teacher', TEACHER_SIZES, seed, dropout);
const prior = resume ? loadStoredTeacher(teacher) : null;
const firstEpoch = prior?.epochs ?? 0;
const ema = emaDecay > 0 ? cloneMlp(teacher, 'teacher-ema') : null;
const optimizer = new OnePassAdam(lr0);
const stepsPerEpoch = Math.floor(train.count / batchSize);
const pixels = new Float32Array(batchSize * IMAGE_SIZE);
const labels = new Int32Array(batchSize);
const random = seedrandom(`teacher-jitter:${seed}${resume ? `:from${firstEpoch}` : ''}`);
const command =
  `npm run train:teacher -- --epochs ${epochs} --seed ${seed} --batch ${batchSize} --lr ${lr0} ` +
  `--decay ${decay} --shift ${maxShift}${emaDecay > 0 ? ` --ema ${emaDecay}` : ''}` +
  (dropout.input !== TEACHER_DROPOUT.input ? ` --dropout-input ${dropout.input}` : '') +
  (dropout.hidden !== TEACHER_DROPOUT.hidden ? ` --dropout-hidden ${dropout.hidden}` : '') +
  `${resume ? ' --resume' : ''}${outDir !== 'public/models' ? ` --out ${outDir}` : ''}`;

/** Loads public/models/teacher.{json,bin} into the model; returns the record it was saved with. */
function loadStoredTeacher(model: Mlp): PriorRecord {
  const recordFile = `${outDir}/teacher.record.json`;
  if (!existsSync(recordFile)) throw new Error(`--resume needs ${recordFile}`);
  const json = JSON.parse(readFileSync(`${outDir}/teacher.json`, 'utf8')) as MlpWeightsJson;
  assignMlpWeights(model, json, new Uint8Array(readFileSync(`${outDir}/teacher.bin`)).buffer);
  return JSON.parse(readFileSync(recordFile, 'utf8')) as PriorRecord;
}

/** shadow ← d·shadow + (1 − d)·weights, for every variable. */
function updateEma(shadow: Mlp, model: Mlp, d: number): void {
  tf.tidy(() => {
    const pairs = [
      ...shadow.kernels.map((s, l) => [s, model.kernels[l]] as const),
      ...shadow.biases.map((s, l) => [s, model.biases[l]] as const),
    ];
    for (const [s, w] of pairs) s.assign(s.mul(d).add(w.mul(1 - d)));
  });
}

function testErrors(model: Mlp): number {
  const job = new EvaluationJob(test, [{ role: 'teacher', model }], 0);
  while (!job.runChunk());
  return job.errors()[0][1];
}

const started = Date.now();
const history: EpochRecord[] = [...(prior?.history ?? [])];
const priorSeconds = prior?.seconds ?? 0;
mkdirSync(outDir, { recursive: true });
console.error(
  `train-teacher: ${epochs} epochs of ${stepsPerEpoch} steps, batch ${batchSize}, seed ${seed}, wasm backend` +
    (resume ? `, resuming after epoch ${firstEpoch}` : '') +
    (ema ? `, weight average with decay ${emaDecay}` : ''),
);
const progress = new ProgressBar(epochs * stepsPerEpoch, 'teacher');
for (let e = 0; e < epochs; e++) {
  const epoch = firstEpoch + e;
  const lr = lr0 * decay ** e;
  optimizer.learningRate = lr;
  const order = seededPermutation(train.count, seed * 1000 + epoch);
  let lossSum = 0;
  for (let step = 0; step < stepsPerEpoch; step++) {
    fillBatchJittered(train, order, step * batchSize, batchSize, pixels, labels, random, maxShift);
    const x = tf.tensor2d(pixels, [batchSize, IMAGE_SIZE]);
    const y = tf.tensor1d(labels, 'int32');
    try {
      lossSum += hardLabelStep(
        teacher,
        optimizer,
        x,
        y,
        matMul,
        seed * 1e7 + epoch * stepsPerEpoch + step,
      );
    } finally {
      tf.dispose([x, y]);
    }
    if (ema) updateEma(ema, teacher, emaDecay);
    if (step % 20 === 0)
      progress.update(e * stepsPerEpoch + step, `epoch ${epoch + 1}/${firstEpoch + epochs}`);
  }
  const rawErrors = testErrors(teacher);
  const errors = ema ? testErrors(ema) : rawErrors;
  const seconds = priorSeconds + (Date.now() - started) / 1000;
  history.push({ epoch: epoch + 1, testErrors: errors, lr, seconds: Math.round(seconds) });
  if (ema) history[history.length - 1].testErrorsRaw = rawErrors;
  progress.done();
  console.error(
    `epoch ${epoch + 1}: train CE ${(lossSum / stepsPerEpoch).toFixed(4)}, test errors ${errors}/10000` +
      (ema ? ` (averaged; raw weights ${rawErrors})` : '') +
      `, lr ${lr.toExponential(2)}, ${formatSeconds(seconds)}`,
  );
  save(ema ?? teacher, epoch + 1, errors, seconds);
}

/** Writes the float16 weights and the record; the float16 copy is evaluated too. */
function save(model: Mlp, epochsDone: number, errors: number, seconds: number): void {
  const { json, bin } = encodeMlpWeights(model, 'teacher.bin');
  const roundTrip = cloneMlp(model, 'teacher-f16');
  assignMlpWeights(
    roundTrip,
    json,
    bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer,
  );
  const errorsFloat16 = testErrors(roundTrip);
  for (const v of [...roundTrip.kernels, ...roundTrip.biases]) v.dispose();
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
    commands: [...(prior ? (prior.commands ?? [prior.command]) : []), command],
    seed,
    batchSize,
    learningRate: { initial: lr0, decayPerEpoch: decay },
    weightAverageDecay: emaDecay > 0 ? emaDecay : undefined,
    dropout: teacher.dropout,
    jitterPixels: maxShift,
    storage: 'float16',
    date: new Date().toISOString(),
    history,
  };
  writeFileSync(`${outDir}/teacher.record.json`, `${JSON.stringify(record, null, 2)}\n`);
  writeTeacherSamples(outDir);
}
