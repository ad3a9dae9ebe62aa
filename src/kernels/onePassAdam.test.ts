import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterEach, describe, expect, it } from 'vitest';
import { compileWat } from '../../scripts/lib/compileWat.ts';
import { ADAM_KERNEL_BASE64 } from './adamKernel.generated.ts';
import { HeapSimdAdamUpdater, JsAdamUpdater } from './adamKernel.ts';
import { OnePassAdam } from './onePassAdam.ts';
import { cloneMlp, createMlp, mlpForward, mlpVariables } from '../models/mlp.ts';

/** A loss whose gradient differs in every entry: sum(tanh(forward) ⊙ weights). */
function lossOf(mlp: ReturnType<typeof createMlp>, x: tf.Tensor2D): tf.Scalar {
  const out = mlpForward(mlp, x);
  const w = tf.linspace(-1, 1, out.size).reshape(out.shape);
  return tf.sum(tf.mul(tf.tanh(out), w));
}

function weightsOf(mlp: ReturnType<typeof createMlp>): Float32Array[] {
  return mlpVariables(mlp).map((v) => Float32Array.from(v.dataSync()));
}

describe.each([
  ['cpu', 'simd'],
  ['cpu', 'js'],
  ['wasm', 'simd'],
  ['wasm', 'js'],
] as const)('OnePassAdam on the %s backend with the %s loop', (backend, kernel) => {
  afterEach(() => tf.disposeVariables());

  it('first step moves each weight by −lr·g/(|g| + ε), the hand formula of Adam at t = 1', async () => {
    expect(await tf.setBackend(backend)).toBe(true);
    const mlp = createMlp('adam-hand', [6, 5, 3], 11);
    const x = tf.randomNormal([4, 6], 0, 1, 'float32', 5) as tf.Tensor2D;
    const before = weightsOf(mlp);
    const { grads } = tf.variableGrads(() => lossOf(mlp, x), mlpVariables(mlp));
    const g = mlpVariables(mlp).map((v) => Float32Array.from(grads[v.name].dataSync()));
    const lr = 0.01;
    const opt = new OnePassAdam(lr, 0.9, 0.999, 1e-7, kernel);
    opt.applyGradients(grads);
    // On wasm the SIMD kernel runs inside tfjs's own memory (Node loads the non-threaded build).
    expect(opt.kernel).toBe(kernel === 'js' ? 'js' : backend === 'wasm' ? 'simd-in-heap' : 'simd');
    const after = weightsOf(mlp);
    before.forEach((w0, k) =>
      w0.forEach((w, i) => {
        const expected = w - (lr * g[k][i]) / (Math.abs(g[k][i]) + 1e-7);
        expect(after[k][i]).toBeCloseTo(expected, 6);
      }),
    );
    tf.dispose(Object.values(grads));
    opt.dispose();
  });

  it('follows tf.train.adam over 6 steps of minimize', async () => {
    expect(await tf.setBackend(backend)).toBe(true);
    const ours = createMlp('adam-ours', [8, 7, 4], 3);
    const stock = cloneMlp(ours, 'adam-stock');
    const [optOurs, optStock] = [
      new OnePassAdam(0.02, 0.9, 0.999, 1e-7, kernel),
      tf.train.adam(0.02),
    ];
    for (let s = 0; s < 6; s++) {
      const x = tf.randomNormal([5, 8], 0, 1, 'float32', 100 + s) as tf.Tensor2D;
      optOurs.minimize(() => lossOf(ours, x), false, mlpVariables(ours));
      optStock.minimize(() => lossOf(stock, x), false, mlpVariables(stock));
      x.dispose();
    }
    const [a, b] = [weightsOf(ours), weightsOf(stock)];
    let moved = 0;
    a.forEach((w, k) =>
      w.forEach((v, i) => {
        expect(Math.abs(v - b[k][i])).toBeLessThan(2e-5);
        moved = Math.max(moved, Math.abs(v));
      }),
    );
    expect(moved).toBeGreaterThan(0);
    optOurs.dispose();
    optStock.dispose();
  });

  it('never writes into a buffer shared with a clone', async () => {
    expect(await tf.setBackend(backend)).toBe(true);
    const trained = createMlp('adam-shared', [6, 5, 3], 7);
    const twin = cloneMlp(trained, 'adam-twin'); // shares buffers with `trained` until reassigned
    const before = weightsOf(twin);
    const opt = new OnePassAdam(0.05, 0.9, 0.999, 1e-7, kernel);
    const x = tf.randomNormal([4, 6], 0, 1, 'float32', 9) as tf.Tensor2D;
    for (let s = 0; s < 3; s++)
      opt.minimize(() => lossOf(trained, x), false, mlpVariables(trained));
    expect(weightsOf(twin)).toEqual(before);
    expect(weightsOf(trained)[0]).not.toEqual(before[0]);
    x.dispose();
    opt.dispose();
  });

  it('keeps the tensor count flat across steps', async () => {
    expect(await tf.setBackend(backend)).toBe(true);
    const mlp = createMlp('adam-leak', [6, 5, 3], 2);
    const opt = new OnePassAdam(0.01, 0.9, 0.999, 1e-7, kernel);
    const x = tf.randomNormal([4, 6], 0, 1, 'float32', 1) as tf.Tensor2D;
    opt.minimize(() => lossOf(mlp, x), false, mlpVariables(mlp));
    const count = tf.memory().numTensors;
    for (let s = 0; s < 5; s++) opt.minimize(() => lossOf(mlp, x), false, mlpVariables(mlp));
    expect(tf.memory().numTensors).toBe(count);
    x.dispose();
    opt.dispose();
  });
});

describe('adamKernel.generated.ts', () => {
  it('holds exactly the binary that adamKernel.wat compiles to', async () => {
    const bytes = await compileWat('src/kernels/adamKernel.wat');
    expect(ADAM_KERNEL_BASE64).toBe(Buffer.from(bytes).toString('base64'));
  });
});

describe('HeapSimdAdamUpdater', () => {
  it('writes the same step as the JS loop even when the memory grows under it', async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
    const backend = tf.backend() as unknown as {
      wasm: {
        asm: { memory: WebAssembly.Memory };
        _malloc(n: number): number;
        _free(p: number): void;
      };
      typedArrayFromHeap(t: tf.TensorInfo): Float32Array;
    };
    const { memory } = backend.wasm.asm;
    // A malloc that first grows the heap by 256 MB (then gives it back to the allocator): every
    // view taken before it is detached, as a real growth would do.
    const heap = {
      memory,
      malloc: (n: number) => {
        backend.wasm._free(backend.wasm._malloc(256 << 20));
        return backend.wasm._malloc(n) >>> 0;
      },
      free: (p: number) => backend.wasm._free(p),
    };
    const updater = HeapSimdAdamUpdater.create(heap)!;
    expect(updater).not.toBeNull();
    const n = 1003; // 250 SIMD groups and a tail of 3
    const w = tf.randomNormal([n], 0, 1, 'float32', 21);
    const g = tf.randomNormal([n], 0, 0.1, 'float32', 22);
    const out = tf.zeros([n]);
    const params = {
      beta1: 0.9,
      beta2: 0.999,
      lrBias1: 0.01 / 0.1,
      invBias2: 1 / 0.001,
      epsilon: 1e-7,
    };
    const expected = new Float32Array(n);
    new JsAdamUpdater().step(
      'x',
      w.dataSync() as Float32Array,
      g.dataSync() as Float32Array,
      expected,
      params,
    );
    const before = memory.buffer.byteLength;
    const views = [w, g, out].map((t) => backend.typedArrayFromHeap(t));
    expect(updater.accepts(...views)).toBe(true);
    updater.step('x', views[0], views[1], views[2], params);
    expect(memory.buffer.byteLength).toBeGreaterThan(before);
    const got = out.dataSync();
    expected.forEach((v, i) => expect(Math.abs(got[i] - v)).toBeLessThan(1e-5));
    updater.dispose();
    tf.dispose([w, g, out]);
  });
});
