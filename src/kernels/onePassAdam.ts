import * as tf from '@tensorflow/tfjs';
import {
  type AdamUpdater,
  HeapSimdAdamUpdater,
  JsAdamUpdater,
  SimdAdamUpdater,
  type WasmHeapAccess,
} from './adamKernel.ts';

/** tfjs's NamedTensor, which the package does not export. */
interface NamedTensor {
  name: string;
  tensor: tf.Tensor;
}

/**
 * Adam, with tf.train.adam's update, done in one pass over each weight buffer.
 *
 * tfjs's Adam runs about 12 element-wise kernels per variable, each allocating and filling a
 * buffer as big as the variable: for a 1.3 M-parameter student that is a large part of a training
 * step on the WASM backend. On the CPU backends (wasm, cpu) tensors live in memory JavaScript can
 * reach, so this optimizer computes moments and new weights in a single loop (adamKernel.wat,
 * WebAssembly SIMD; a JS loop where SIMD is missing), written straight into one new buffer per
 * variable. On tfjs-wasm's single-threaded build the kernel runs inside tfjs's own memory (no
 * copies); elsewhere (its threaded build shares its memory, the cpu backend) it copies in and out
 * of a memory of its own. On GPU backends it hands over to tf.train.adam.
 *
 * Why a new buffer and not the old one, in place: the old buffer may be shared (cloneMlp copies
 * share buffers until one side is reassigned), and tfjs-wasm's XNNPACK matMul caches weights
 * packed per tensor id, so a weight changed in place would keep being multiplied in its stale,
 * cached form. A new tensor has a new id.
 */
export class OnePassAdam extends tf.Optimizer {
  static get className(): string {
    return 'OnePassAdam';
  }

  private readonly copying: AdamUpdater;
  private heap: HeapSimdAdamUpdater | null | undefined;
  private lastUsed: AdamUpdater;
  private t = 0;
  private stock: tf.AdamOptimizer | null = null;

  constructor(
    public learningRate: number,
    readonly beta1 = 0.9,
    readonly beta2 = 0.999,
    readonly epsilon = 1e-7,
    kernel: 'simd' | 'js' = 'simd',
  ) {
    super();
    this.copying = (kernel === 'simd' && SimdAdamUpdater.create()) || new JsAdamUpdater();
    this.lastUsed = this.copying;
    if (kernel === 'js') this.heap = null;
  }

  /** Which loop ran the last update: SIMD in tfjs's memory, SIMD with copies, or JS. */
  get kernel(): 'simd-in-heap' | 'simd' | 'js' {
    if (this.lastUsed instanceof HeapSimdAdamUpdater) return 'simd-in-heap';
    return this.lastUsed instanceof SimdAdamUpdater ? 'simd' : 'js';
  }

  /** The in-heap kernel, created on first use on the wasm backend; null where it cannot run. */
  private heapUpdater(): HeapSimdAdamUpdater | null {
    if (this.heap === undefined) {
      const access = wasmHeapAccess();
      this.heap = access ? HeapSimdAdamUpdater.create(access) : null;
    }
    return this.heap;
  }

  applyGradients(variableGradients: tf.NamedTensorMap | NamedTensor[]): void {
    const named: [string, tf.Tensor][] = Array.isArray(variableGradients)
      ? variableGradients.map((g) => [g.name, g.tensor])
      : Object.entries(variableGradients);
    const memory = hostMemory();
    if (!memory) {
      this.stock ??= tf.train.adam(this.learningRate, this.beta1, this.beta2, this.epsilon);
      (this.stock as unknown as { learningRate: number }).learningRate = this.learningRate;
      this.stock.applyGradients(
        variableGradients as Parameters<tf.AdamOptimizer['applyGradients']>[0],
      );
      this.incrementIterations();
      return;
    }
    this.t++;
    const params = {
      beta1: this.beta1,
      beta2: this.beta2,
      lrBias1: this.learningRate / (1 - this.beta1 ** this.t),
      invBias2: 1 / (1 - this.beta2 ** this.t),
      epsilon: this.epsilon,
    };
    for (const [name, gradient] of named) {
      const variable = tf.engine().registeredVariables[name];
      if (!variable) throw new Error(`OnePassAdam: no variable named ${name}`);
      // Allocate first: growing the WASM heap would detach views taken before.
      const next = memory.allocate(variable.shape);
      const [w, g, out] = [memory.view(variable), memory.view(gradient), memory.view(next)];
      const heap = tf.getBackend() === 'wasm' ? this.heapUpdater() : null;
      // On a given backend the choice never changes between steps: the moments stay in one place.
      this.lastUsed = heap?.accepts(w, g, out) ? heap : this.copying;
      this.lastUsed.step(name, w, g, out, params);
      variable.assign(next);
      next.dispose();
    }
    this.incrementIterations();
  }

  override dispose(): void {
    this.heap?.dispose();
    this.copying.dispose?.();
    this.stock?.dispose();
    super.dispose();
  }

  getConfig(): tf.serialization.ConfigDict {
    return {
      learningRate: this.learningRate,
      beta1: this.beta1,
      beta2: this.beta2,
      epsilon: this.epsilon,
    };
  }
}

interface HostMemory {
  /** A new float32 tensor whose contents are not initialized. */
  allocate(shape: number[]): tf.Tensor;
  /** A live Float32Array over the tensor's own storage. */
  view(t: tf.Tensor): Float32Array;
}

interface WasmBackendInternals {
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array;
}
interface CpuBackendInternals {
  data: { get(dataId: object): { values: Float32Array } };
}

/** Direct access to tensor storage on the backends that keep it in JavaScript-reachable memory. */
function hostMemory(): HostMemory | null {
  const name = tf.getBackend();
  if (name === 'wasm') {
    const backend = tf.backend() as unknown as WasmBackendInternals;
    return {
      allocate: (shape) =>
        tf.engine().makeTensorFromTensorInfo(backend.makeOutput(shape, 'float32')),
      view: (t) => backend.typedArrayFromHeap(t),
    };
  }
  if (name === 'cpu') {
    const backend = tf.backend() as unknown as CpuBackendInternals;
    return {
      allocate: (shape) => tf.tensor(new Float32Array(shape.reduce((a, b) => a * b, 1)), shape),
      view: (t) => backend.data.get(t.dataId).values,
    };
  }
  return null;
}

interface WasmModuleInternals {
  wasm?: {
    asm?: { memory?: unknown };
    _malloc?: (bytes: number) => number;
    _free?: (pointer: number) => void;
  };
}

/** tfjs-wasm's memory and allocator, where its build exports the memory (the non-threaded one). */
function wasmHeapAccess(): WasmHeapAccess | null {
  const wasm = (tf.backend() as unknown as WasmModuleInternals).wasm;
  const memory = wasm?.asm?.memory;
  if (!(memory instanceof WebAssembly.Memory) || !wasm?._malloc || !wasm._free) return null;
  const { _malloc: malloc, _free: free } = wasm;
  return { memory, malloc: (n) => malloc(n) >>> 0, free: (p) => free(p) };
}
