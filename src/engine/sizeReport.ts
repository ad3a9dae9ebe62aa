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

function evaluate(test: MnistSplit, id: string, model: Mlp): { errors: number; ms: number } {
  const job = new EvaluationJob(test, [{ id, model }], 0);
  const start = now();
  job.runToEnd();
  return { errors: job.errors()[0][1], ms: now() - start };
}

/** Members that have weights of their own: trained or loaded teachers and every learner. */
function measurable(run: RunView): { id: string; model: Mlp }[] {
  const out: { id: string; model: Mlp }[] = [];
  for (const t of run.teachers) if (t.model) out.push({ id: t.spec.id, model: t.model });
  for (const l of run.learners) out.push({ id: l.spec.id, model: l.model });
  return out;
}

export function measureSizes(run: RunView, test: MnistSplit): SizeRow[] {
  const rows: SizeRow[] = [];
  for (const { id, model } of measurable(run)) {
    // A first pass warms the backend's kernels up (and packs weights); the second is timed.
    evaluate(test, id, model);
    const { errors, ms } = evaluate(test, id, model);
    const int8 = quantizedCopy(model);
    let errorsInt8: number;
    try {
      errorsInt8 = evaluate(test, id, int8).errors;
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
