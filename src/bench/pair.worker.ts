/// <reference lib="webworker" />
/**
 * The learners-in-parallel bench's worker: the learners it is given (distilled, control or both,
 * 800-800 students) train as LearnerLockstep trains them: the same seeded batch order, images
 * gathered per batch, the teacher's logits computed once and read from that cache.
 */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { fillBatch, gatherRows, seededPermutation, type MnistSplit } from '../data/batches.ts';
import { IMAGE_SIZE, NUM_CLASSES } from '../data/mnistAssets.ts';
import { chooseBackend } from '../engine/backend.ts';
import { LOSS_WINDOW } from '../engine/history.ts';
import { objectiveStep, predictLogits } from '../engine/steps.ts';
import { yieldToEventLoop } from '../engine/yieldToEventLoop.ts';
import { objectiveById } from '../kd/objectives.ts';
import { matMulForBackend } from '../kernels/denseMatMul.ts';
import { OnePassAdam } from '../kernels/onePassAdam.ts';
import { createStudent, createTeacher } from '../models/architectures.ts';
import { disposeMlp } from '../models/mlp.ts';
import type { PairCommand, PairEvent, PairLearner } from './pairProtocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (event: PairEvent) => scope.postMessage(event);
let trainer: Awaited<ReturnType<typeof setUp>> | null = null;
let stopping = false;

/** Synthetic uint8 images (the same in every worker), labels, and the teacher's cached logits. */
function transferSet(count: number): { split: MnistSplit; logits: Float32Array } {
  const images = new Uint8Array(count * IMAGE_SIZE);
  let s = 12345;
  for (let i = 0; i < images.length; i++) images[i] = (s = (s * 1103515245 + 12345) >>> 0) >>> 24;
  const labels = Uint8Array.from({ length: count }, (_, i) => (i * 7) % NUM_CLASSES);
  const split = { count, images, labels };
  const teacher = createTeacher(1);
  const logits = new Float32Array(count * NUM_CLASSES);
  const pixels = new Float32Array(count * IMAGE_SIZE);
  fillBatch(
    split,
    Int32Array.from({ length: count }, (_, i) => i),
    0,
    count,
    pixels,
    new Int32Array(count),
  );
  const x = tf.tensor2d(pixels, [count, IMAGE_SIZE]);
  logits.set(predictLogits(teacher, x));
  x.dispose();
  disposeMlp(teacher);
  return { split, logits };
}

async function setUp(learners: PairLearner[], batchSize: number, examples: number) {
  const report = await chooseBackend('wasm', { wasmThreads: true });
  const matMul = matMulForBackend(report.backend);
  const { split, logits } = transferSet(examples);
  const models = learners.map((role) => ({
    role,
    model: createStudent('800-800', 1),
    optimizer: new OnePassAdam(1e-3),
    objective: objectiveById(role === 'distilled' ? 'hinton' : 'hard'),
  }));
  const pixels = new Float32Array(batchSize * IMAGE_SIZE);
  const labels = new Int32Array(batchSize);
  const targets = new Float32Array(batchSize * NUM_CLASSES);
  const stepsPerEpoch = Math.floor(examples / batchSize);
  let step = 0;
  let order: Int32Array = new Int32Array(0);
  const trainStep = () => {
    if (step % stepsPerEpoch === 0) order = seededPermutation(examples, 500 + step / stepsPerEpoch);
    const start = (step % stepsPerEpoch) * batchSize;
    fillBatch(split, order, start, batchSize, pixels, labels);
    const x = tf.tensor2d(pixels, [batchSize, IMAGE_SIZE]);
    const y = tf.tensor1d(labels, 'int32');
    const measureGradients = step % LOSS_WINDOW === 0;
    for (const { role, model, optimizer, objective } of models) {
      let teacherLogits: tf.Tensor2D | undefined;
      if (role === 'distilled') {
        gatherRows(logits, NUM_CLASSES, order, start, batchSize, targets);
        teacherLogits = tf.tensor2d(targets, [batchSize, NUM_CLASSES]);
      }
      objectiveStep(
        model,
        optimizer,
        { x, labels: y, teacherLogits },
        objective,
        { temperature: 4, alpha: 0.1 },
        {},
        { matMul, measureGradients },
      );
      teacherLogits?.dispose();
    }
    tf.dispose([x, y]);
    step++;
  };
  return { report, trainStep, learners };
}

async function train(): Promise<void> {
  const stepEnds: number[] = [];
  while (!stopping && trainer) {
    trainer.trainStep();
    stepEnds.push(performance.timeOrigin + performance.now());
    // As the training worker does between ticks: lets the stop message in.
    await yieldToEventLoop();
  }
  post({ type: 'done', learners: trainer?.learners ?? [], stepEnds });
}

scope.onmessage = (e: MessageEvent<PairCommand>) => {
  const command = e.data;
  if (command.type === 'init') {
    setUp(command.learners, command.batchSize, command.examples)
      .then((ready) => {
        trainer = ready;
        for (let i = 0; i < command.warmup; i++) ready.trainStep();
        post({
          type: 'ready',
          backend: ready.report.backend,
          threads: ready.report.backend === 'wasm' ? getThreadsCount() : null,
        });
      })
      .catch((error: unknown) => post({ type: 'error', message: String(error) }));
  } else if (command.type === 'go') void train();
  else stopping = true;
};
