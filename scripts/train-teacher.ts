/**
 * npm run train:teacher [-- --epochs 60 --seed 1 --batch 128]
 *
 * Trains the 784-1200-1200-10 teacher in Node with @tensorflow/tfjs on the WASM backend, with the
 * app's own model, data and loss code: dropout (20% input, 50% hidden) and random translations
 * of up to ±2 px (Hinton et al. 2015), Adam with an exponentially decaying learning rate. Seeded
 * and repeatable. Writes public/models/teacher.json + teacher.bin (float16) and
 * public/models/teacher.record.json after every epoch, so an interrupted run leaves a usable teacher.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { mkdirSync, writeFileSync } from 'node:fs';
import seedrandom from 'seedrandom';
import { seededPermutation } from '../src/data/batches.ts';
import { fillBatchJittered } from '../src/data/jitter.ts';
import { IMAGE_SIZE } from '../src/data/mnistAssets.ts';
import { EvaluationJob } from '../src/engine/evaluation.ts';
import { hardLabelStep } from '../src/engine/steps.ts';
import { createTeacher } from '../src/models/architectures.ts';
import { matMulForBackend } from '../src/models/denseMatMul.ts';
import { cloneMlp, type Mlp } from '../src/models/mlp.ts';
import { assignMlpWeights, encodeMlpWeights } from '../src/models/weightsFile.ts';
import { loadMnistNode } from './lib/nodeMnist.ts';
import { formatSeconds, ProgressBar } from './lib/progress.ts';
import { writeTeacherSamples } from './lib/teacherSamples.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const epochs = option('epochs', 60);
const seed = option('seed', 1);
const batchSize = option('batch', 128);
const lr0 = option('lr', 1e-3);
const decay = option('decay', 0.94);
const maxShift = option('shift', 2);
const outDir = 'public/models';

await tf.setBackend('wasm');
await tf.ready();
const matMul = matMulForBackend('wasm');
const train = loadMnistNode('train');
const test = loadMnistNode('test');
const teacher = createTeacher(seed);
const optimizer = tf.train.adam(lr0);
const stepsPerEpoch = Math.floor(train.count / batchSize);
const pixels = new Float32Array(batchSize * IMAGE_SIZE);
const labels = new Int32Array(batchSize);
const random = seedrandom(`teacher-jitter:${seed}`);

function testErrors(model: Mlp): number {
  const job = new EvaluationJob(test, [{ role: 'teacher', model }], 0, matMul);
  while (!job.runChunk());
  return job.errors()[0][1];
}

const started = Date.now();
const history: { epoch: number; testErrors: number; lr: number; seconds: number }[] = [];
mkdirSync(outDir, { recursive: true });
console.error(
  `train-teacher: ${epochs} epochs of ${stepsPerEpoch} steps, batch ${batchSize}, seed ${seed}, wasm backend`,
);
const progress = new ProgressBar(epochs * stepsPerEpoch, 'teacher');
for (let epoch = 0; epoch < epochs; epoch++) {
  const lr = lr0 * decay ** epoch;
  (optimizer as unknown as { learningRate: number }).learningRate = lr;
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
    if (step % 20 === 0)
      progress.update(epoch * stepsPerEpoch + step, `epoch ${epoch + 1}/${epochs}`);
  }
  const errors = testErrors(teacher);
  const seconds = (Date.now() - started) / 1000;
  history.push({ epoch: epoch + 1, testErrors: errors, lr, seconds });
  progress.done();
  console.error(
    `epoch ${epoch + 1}: train CE ${(lossSum / stepsPerEpoch).toFixed(4)}, test errors ${errors}/10000, lr ${lr.toExponential(2)}, ${formatSeconds(seconds)}`,
  );
  save(epoch + 1, errors, seconds);
}

/** Writes the float16 weights and the record; the float16 copy is evaluated too. */
function save(epochsDone: number, errors: number, seconds: number): void {
  const { json, bin } = encodeMlpWeights(teacher, 'teacher.bin');
  const roundTrip = cloneMlp(teacher, 'teacher-f16');
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
    command: `npm run train:teacher -- --epochs ${epochs} --seed ${seed} --batch ${batchSize} --lr ${lr0} --decay ${decay} --shift ${maxShift}`,
    seed,
    batchSize,
    learningRate: { initial: lr0, decayPerEpoch: decay },
    dropout: teacher.dropout,
    jitterPixels: maxShift,
    storage: 'float16',
    date: new Date().toISOString(),
    history,
  };
  writeFileSync(`${outDir}/teacher.record.json`, `${JSON.stringify(record, null, 2)}\n`);
  writeTeacherSamples(outDir);
}
