import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE, NUM_CLASSES } from '../data/mnistAssets.ts';
import { createStudent } from '../models/architectures.ts';
import type { MatMul } from '../kernels/denseMatMul.ts';
import { disposeMlp } from '../models/mlp.ts';
import { OnePassAdam } from '../kernels/onePassAdam.ts';
import type { MemorySample } from './benchProtocol.ts';
import { distillStep, hardStep } from './benchSteps.ts';

interface WasmHeap {
  wasm?: { HEAPU8?: Uint8Array };
}

/** Bytes of the WASM backend's linear memory (it grows, never shrinks), or null elsewhere. */
function wasmBytes(): number | null {
  if (tf.getBackend() !== 'wasm') return null;
  return (tf.backend() as unknown as WasmHeap).wasm?.HEAPU8?.length ?? null;
}

/**
 * tf.memory(), the JS heap (after a garbage collection, when the page can ask for one) and the
 * WASM memory every 500 steps of distilled + control training (30-30 students). Runs on the
 * bench page's main thread: workers have no performance.memory.
 */
export function memorySoak(steps: number, matMul: MatMul): MemorySample[] {
  const batch = 128;
  const x = tf.randomUniform([batch, IMAGE_SIZE], 0, 1, 'float32', 7) as tf.Tensor2D;
  const y = tf.randomUniform([batch], 0, NUM_CLASSES, 'int32', 8) as tf.Tensor1D;
  const zt = tf.randomNormal([batch, NUM_CLASSES], 0, 5, 'float32', 9) as tf.Tensor2D;
  const distilled = createStudent('30-30', 2);
  const control = createStudent('30-30', 2);
  const [dOpt, cOpt] = [new OnePassAdam(1e-3), new OnePassAdam(1e-3)];
  const scope = globalThis as unknown as {
    gc?: () => void;
    performance: { memory?: { usedJSHeapSize: number } };
  };
  const heap = () => {
    scope.gc?.();
    return scope.performance.memory?.usedJSHeapSize ?? null;
  };
  const samples: MemorySample[] = [];
  for (let step = 0; step <= steps; step++) {
    if (step % 500 === 0) {
      const m = tf.memory();
      samples.push({
        step,
        numTensors: m.numTensors,
        numBytes: m.numBytes,
        heapBytes: heap(),
        wasmBytes: wasmBytes(),
      });
    }
    distillStep(
      distilled,
      dOpt,
      x,
      y,
      zt,
      { temperature: 1 + (step % 20), alpha: (step % 10) / 10 },
      matMul,
      step,
    );
    hardStep(control, cOpt, x, y, matMul);
  }
  disposeMlp(distilled);
  disposeMlp(control);
  dOpt.dispose();
  cOpt.dispose();
  tf.dispose([x, y, zt]);
  return samples;
}
