/// <reference lib="webworker" />
/**
 * Times one training step of each model (teacher, distilled student, control student) on the
 * chosen backend with the engine's own step functions, so the numbers are the app's numbers.
 * With `ceiling`, then times each distinct matrix product of those steps (ceilingRun.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { IMAGE_SIZE, NUM_CLASSES } from '../data/mnistAssets.ts';
import { chooseBackend } from '../engine/backend.ts';
import { distillStep, hardStep } from './benchSteps.ts';
import {
  createStudent,
  createTeacher,
  studentSizes,
  TEACHER_SIZES,
} from '../models/architectures.ts';
import { matMulForBackend } from '../kernels/denseMatMul.ts';
import type { Mlp } from '../models/mlp.ts';
import { OnePassAdam } from '../kernels/onePassAdam.ts';
import { disposeMlp, forwardFlops } from '../models/mlp.ts';
import type { BenchRequest, BenchResult, MatMulTiming, StepTiming } from './benchProtocol.ts';
import { createNaivePeer } from './naivePeer.ts';
import { measureCeiling } from './ceilingRun.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let WARMUP = 3;
function time(steps: number, step: () => void): number {
  for (let i = 0; i < WARMUP; i++) step();
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) step();
  return (performance.now() - t0) / steps;
}

/** GFLOP/s of a plain a·b, synchronised by reading one value back. */
function matMulGflops(m: number, k: number, n: number, repeats: number): MatMulTiming {
  const a = tf.randomUniform([m, k], -1, 1, 'float32', 5) as tf.Tensor2D;
  const b = tf.randomUniform([k, n], -1, 1, 'float32', 6) as tf.Tensor2D;
  const once = () => tf.tidy(() => tf.matMul(a, b).slice([0, 0], [1, 1]).dataSync());
  const ms = time(repeats, once);
  tf.dispose([a, b]);
  return { m, k, n, gflops: (2 * m * k * n) / (ms * 1e6) };
}

async function run(request: BenchRequest): Promise<BenchResult> {
  WARMUP = request.warmup;
  // Before the backend starts: tfjs-wasm reads it once, and uses threads only when isolated.
  if (request.threads) setThreadsCount(request.threads);
  const report = await chooseBackend(request.backend, { wasmThreads: true });
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
    const teacherOpt = new OnePassAdam(1e-3);
    let step = 0;
    record(
      'teacher',
      null,
      batchSize,
      TEACHER_SIZES,
      time(request.steps, () => hardStep(teacher, teacherOpt, x, y, matMul, step++)),
    );
    disposeMlp(teacher);
    teacherOpt.dispose();
    for (const size of request.studentSizes) {
      const distilled = createStudent(size, 1);
      const control = createStudent(size, 1);
      const [dOpt, cOpt] = [new OnePassAdam(1e-3), new OnePassAdam(1e-3)];
      const sizes = studentSizes(size);
      // Distilled and control steps alternate, so the KD overhead compares like with like. As in
      // the session, every LOSS_WINDOW-th step also measures the terms' gradient norms.
      let n = 0;
      const stepD = () =>
        distillStep(distilled, dOpt, x, y, zt, { temperature: 4, alpha: 0.1 }, matMul, n++);
      const stepC = () => hardStep(control, cOpt, x, y, matMul);
      for (let i = 0; i < WARMUP; i++) {
        stepD();
        stepC();
      }
      let msD = 0;
      let msC = 0;
      for (let i = 0; i < request.steps; i++) {
        const t0 = performance.now();
        stepD();
        const t1 = performance.now();
        stepC();
        msD += t1 - t0;
        msC += performance.now() - t1;
      }
      record('distilled', size, batchSize, sizes, msD / request.steps);
      record('control', size, batchSize, sizes, msC / request.steps);
      if (request.naive) {
        const naive = createNaivePeer(sizes.slice(1, -1), 4, 0.1);
        const naiveMs = time(request.steps, () => naive.step(x, y));
        // Its FLOPs: the student's training step plus the teacher's forward pass, per sample.
        timings.push({
          model: 'naive-distilled',
          studentSize: size,
          batchSize,
          msPerStep: naiveMs,
          samplesPerSec: (batchSize * 1000) / naiveMs,
          gflops:
            ((3 * forwardFlops(sizes) + forwardFlops(TEACHER_SIZES)) * batchSize) / (naiveMs * 1e6),
        });
        naive.dispose();
      }
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
    threads: report.backend === 'wasm' ? getThreadsCount() : null,
    crossOriginIsolated: scope.crossOriginIsolated,
    matMul: request.batchSizes.map((m) => matMulGflops(m, 784, 800, Math.max(3, request.steps))),
    memory: [],
    numTensorsBefore,
    numTensorsAfter: tf.memory().numTensors,
    // The ceiling mode times the products after the steps, so both come from the same run.
    ...(request.ceiling ? measureCeiling(request, matMul) : {}),
  };
}

scope.onmessage = (e: MessageEvent<BenchRequest>) => {
  run(e.data).then(
    (result) => scope.postMessage({ ok: true, result }),
    (error: unknown) => scope.postMessage({ ok: false, error: String(error) }),
  );
};
