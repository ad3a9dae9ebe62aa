/**
 * The size trade-off, measured: for every member with weights, its parameters, its bytes as
 * stored (float32 and 8-bit, models/quantize.ts), the time to classify the whole test set on the
 * current backend, its test errors, and the errors of its 8-bit copy (Han et al. 2016 and the
 * TFLite int8 scheme: distillation and quantization combine).
 */
import * as tf from '@tensorflow/tfjs';
import type { MnistSplit } from '../data/batches.ts';
import type { Mlp } from '../models/mlp.ts';
import { cloneMlp, disposeMlp, parameterCount } from '../models/mlp.ts';
import { dequantizeKernel, quantizeKernel, storedBytes } from '../models/quantize.ts';
import { EvaluationJob } from './evaluation.ts';
import type { SizeRow } from './protocol.ts';
import type { RunView } from './sampleLogits.ts';
import { yieldToEventLoop } from './yieldToEventLoop.ts';

const now = () => performance.now();

/** A copy of `model` whose kernels are their 8-bit versions (dequantized for inference). */
export function quantizedCopy(model: Mlp): Mlp {
  const copy = cloneMlp(model, `${model.name}-int8`);
  copy.kernels.forEach((kernel) => {
    const [rows, cols] = kernel.shape;
    const q = quantizeKernel(kernel.dataSync() as Float32Array, rows, cols);
    const w = tf.tensor2d(dequantizeKernel(q), [rows, cols]);
    kernel.assign(w);
    w.dispose();
  });
  return copy;
}

/** Thrown when the run being measured was replaced (reset, restart) before the report was done. */
export class MeasureCancelled extends Error {
  constructor() {
    super('The size measurement was cancelled: its run was replaced.');
  }
}

/**
 * Classifies the test set chunk by chunk, yielding to the worker's queue between chunks so a
 * ping, a pause or a reset is answered at once (a whole pass of a big teacher takes seconds);
 * only the chunks themselves are timed.
 */
async function evaluate(
  test: MnistSplit,
  id: string,
  model: Mlp,
  alive: () => boolean,
): Promise<{ errors: number; ms: number }> {
  const job = new EvaluationJob(test, [{ id, model }], 0);
  let ms = 0;
  for (;;) {
    if (!alive()) throw new MeasureCancelled();
    const start = now();
    const done = job.runChunk();
    ms += now() - start;
    if (done) break;
    await yieldToEventLoop();
  }
  return { errors: job.errors()[0][1], ms };
}

/** Members that have weights of their own: trained or loaded teachers and every learner. */
function measurable(run: RunView): { id: string; model: Mlp }[] {
  const out: { id: string; model: Mlp }[] = [];
  for (const t of run.teachers) if (t.model) out.push({ id: t.spec.id, model: t.model });
  for (const l of run.learners) out.push({ id: l.spec.id, model: l.model });
  return out;
}

/** `alive` says whether the run is still the one measured; when it turns false this throws MeasureCancelled. */
export async function measureSizes(
  run: RunView,
  test: MnistSplit,
  alive: () => boolean = () => true,
): Promise<SizeRow[]> {
  const rows: SizeRow[] = [];
  for (const { id, model } of measurable(run)) {
    // A first pass warms the backend's kernels up (and packs weights); the second is timed.
    await evaluate(test, id, model, alive);
    const { errors, ms } = await evaluate(test, id, model, alive);
    if (!alive()) throw new MeasureCancelled();
    const int8 = quantizedCopy(model);
    let errorsInt8: number;
    try {
      errorsInt8 = (await evaluate(test, id, int8, alive)).errors;
    } finally {
      disposeMlp(int8);
    }
    const bytes = storedBytes(model.sizes);
    rows.push({
      id,
      parameters: parameterCount(model.sizes),
      bytesFloat32: bytes.float32,
      bytesInt8: bytes.int8,
      inferenceMs: ms,
      testCount: test.count,
      errors,
      errorsInt8,
    });
  }
  return rows;
}
