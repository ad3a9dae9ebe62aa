/// <reference lib="webworker" />
/**
 * Times one training step of each model (teacher, distilled student, control student) on the
 * chosen backend with the engine's own step functions, so the numbers are the app's numbers.
 */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE, NUM_CLASSES } from '../data/mnistAssets.ts';
import { chooseBackend } from '../engine/backend.ts';
import { distillStep, hardLabelStep } from '../engine/steps.ts';
import {
  createStudent,
  createTeacher,
  studentSizes,
  TEACHER_SIZES,
} from '../models/architectures.ts';
import { matMulForBackend } from '../models/denseMatMul.ts';
import type { Mlp } from '../models/mlp.ts';
import { disposeMlp, forwardFlops } from '../models/mlp.ts';
import type { BenchRequest, BenchResult, StepTiming } from './benchProtocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const WARMUP = 3;

function time(steps: number, step: () => void): number {
  for (let i = 0; i < WARMUP; i++) step();
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) step();
  return (performance.now() - t0) / steps;
}

async function run(request: BenchRequest): Promise<BenchResult> {
  const report = await chooseBackend(request.backend);
  const matMul = matMulForBackend(report.backend);
  const numTensorsBefore = tf.memory().numTensors;
  const timings: StepTiming[] = [];
  const record = (
    model: StepTiming['model'],
    studentSize: StepTiming['studentSize'],
    batchSize: number,
    sizes: readonly number[],
    ms: number,
  ) =>
    timings.push({
      model,
      studentSize,
      batchSize,
      msPerStep: ms,
      samplesPerSec: (batchSize * 1000) / ms,
      gflops: (3 * forwardFlops(sizes) * batchSize) / (ms * 1e6),
    });
  for (const batchSize of request.batchSizes) {
    const x = tf.randomUniform([batchSize, IMAGE_SIZE], 0, 1, 'float32', 1) as tf.Tensor2D;
    const y = tf.randomUniform([batchSize], 0, NUM_CLASSES, 'int32', 2) as tf.Tensor1D;
    const zt = tf.randomNormal([batchSize, NUM_CLASSES], 0, 5, 'float32', 3) as tf.Tensor2D;
    const teacher: Mlp = createTeacher(1);
    const teacherOpt = tf.train.adam(1e-3);
    let step = 0;
    record(
      'teacher',
      null,
      batchSize,
      TEACHER_SIZES,
      time(request.steps, () => hardLabelStep(teacher, teacherOpt, x, y, matMul, step++)),
    );
    disposeMlp(teacher);
    teacherOpt.dispose();
    for (const size of request.studentSizes) {
      const distilled = createStudent(size, 1);
      const control = createStudent(size, 1);
      const [dOpt, cOpt] = [tf.train.adam(1e-3), tf.train.adam(1e-3)];
      const sizes = studentSizes(size);
      record(
        'distilled',
        size,
        batchSize,
        sizes,
        time(request.steps, () =>
          distillStep(distilled, dOpt, x, y, zt, { temperature: 4, alpha: 0.1 }, matMul),
        ),
      );
      record(
        'control',
        size,
        batchSize,
        sizes,
        time(request.steps, () => hardLabelStep(control, cOpt, x, y, matMul)),
      );
      disposeMlp(distilled);
      disposeMlp(control);
      dOpt.dispose();
      cOpt.dispose();
    }
    tf.dispose([x, y, zt]);
  }
  return {
    requested: request.backend,
    backend: report.backend,
    reason: report.reason,
    timings,
    numTensorsBefore,
    numTensorsAfter: tf.memory().numTensors,
  };
}

scope.onmessage = (e: MessageEvent<BenchRequest>) => {
  run(e.data).then(
    (result) => scope.postMessage({ ok: true, result }),
    (error: unknown) => scope.postMessage({ ok: false, error: String(error) }),
  );
};
