import { ADAM_KERNEL_BASE64 } from './adamKernel.generated.ts';

/** Hyperparameters of one Adam step, bias corrections folded in. */
export interface AdamStepParams {
  beta1: number;
  beta2: number;
  /** learning rate · 1/(1 − β1^t) */
  lrBias1: number;
  /** 1/(1 − β2^t) */
  invBias2: number;
  epsilon: number;
}

/** One Adam step over the variable `name`: reads `w` and `g`, writes the new weights to `out`. */
export interface AdamUpdater {
  step(name: string, w: Float32Array, g: Float32Array, out: Float32Array, p: AdamStepParams): void;
  dispose?(): void;
}

/** The plain JavaScript loop: the fallback where WebAssembly SIMD is missing, and a reference. */
export class JsAdamUpdater implements AdamUpdater {
  private readonly moments = new Map<string, { m: Float32Array; v: Float32Array }>();

  step(name: string, w: Float32Array, g: Float32Array, out: Float32Array, p: AdamStepParams) {
    let state = this.moments.get(name);
    if (!state || state.m.length !== w.length) {
      state = { m: new Float32Array(w.length), v: new Float32Array(w.length) };
      this.moments.set(name, state);
    }
    scalarAdamStep(w, g, state.m, state.v, out, p);
  }
}

type AdamExport = (
  w: number,
  out: number,
  g: number,
  m: number,
  v: number,
  groups: number,
  b1: number,
  b2: number,
  lr: number,
  ib2: number,
  eps: number,
) => void;

function kernelBytes(): Uint8Array<ArrayBuffer> {
  const text = atob(ADAM_KERNEL_BASE64);
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** A WebAssembly memory and its allocator: tfjs-wasm's (its Emscripten module), or ours. */
export interface WasmHeapAccess {
  memory: WebAssembly.Memory;
  malloc(bytes: number): number;
  free(pointer: number): void;
}

/**
 * adamKernel.wat (WebAssembly SIMD, 4 floats per instruction) run inside a given memory. Given
 * tfjs-wasm's, weights, gradients and new weights are read and written where tfjs keeps them and
 * the moments live there too (malloc'd), so nothing is copied. Only for views of that memory;
 * the last n mod 4 floats are done in JS, so no SIMD store goes past a tensor's end.
 */
export class HeapSimdAdamUpdater implements AdamUpdater {
  private readonly adam: AdamExport;
  private readonly regions = new Map<string, { m: number; v: number; length: number }>();

  private constructor(
    private readonly heap: WasmHeapAccess,
    instance: WebAssembly.Instance,
  ) {
    this.adam = instance.exports.adam as AdamExport;
  }

  /** null where WebAssembly SIMD is missing or the memory cannot be imported (a shared one). */
  static create(heap: WasmHeapAccess): HeapSimdAdamUpdater | null {
    try {
      const bytes = kernelBytes();
      if (typeof WebAssembly === 'undefined' || !WebAssembly.validate(bytes)) return null;
      const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
        env: { memory: heap.memory },
      });
      return new HeapSimdAdamUpdater(heap, instance);
    } catch {
      return null;
    }
  }

  /** Whether these arrays are views of the backend's memory, as this updater needs. */
  accepts(...arrays: Float32Array[]): boolean {
    const buffer = this.heap.memory.buffer;
    return arrays.every((a) => a.buffer === buffer);
  }

  step(name: string, w: Float32Array, g: Float32Array, out: Float32Array, p: AdamStepParams) {
    // Pointers first: malloc below may grow the memory, which detaches every view of it.
    const [n, pw, pg, pout] = [w.length, w.byteOffset, g.byteOffset, out.byteOffset];
    let region = this.regions.get(name);
    if (!region || region.length !== n) {
      if (region) this.release(region);
      region = { m: this.heap.malloc(n * 4), v: this.heap.malloc(n * 4), length: n };
      this.regions.set(name, region);
      new Float32Array(this.heap.memory.buffer, region.m, n).fill(0);
      new Float32Array(this.heap.memory.buffer, region.v, n).fill(0);
    }
    const groups = Math.floor(n / 4);
    this.adam(
      pw,
      pout,
      pg,
      region.m,
      region.v,
      groups,
      p.beta1,
      p.beta2,
      p.lrBias1,
      p.invBias2,
      p.epsilon,
    );
    if (groups * 4 < n) {
      const from = groups * 4;
      const view = (pointer: number) =>
        new Float32Array(this.heap.memory.buffer, pointer + from * 4, n - from);
      scalarAdamStep(view(pw), view(pg), view(region.m), view(region.v), view(pout), p);
    }
  }

  private release(region: { m: number; v: number }): void {
    this.heap.free(region.m);
    this.heap.free(region.v);
  }

  dispose(): void {
    for (const region of this.regions.values()) this.release(region);
    this.regions.clear();
  }
}

/** The update one float at a time: the JS fallback, and the floats the SIMD loop leaves. */
function scalarAdamStep(
  w: Float32Array,
  g: Float32Array,
  m: Float32Array,
  v: Float32Array,
  out: Float32Array,
  p: AdamStepParams,
): void {
  for (let i = 0; i < w.length; i++) {
    const gi = g[i];
    m[i] = Math.fround(p.beta1 * m[i] + (1 - p.beta1) * gi);
    v[i] = Math.fround(p.beta2 * v[i] + (1 - p.beta2) * gi * gi);
    out[i] = w[i] - (p.lrBias1 * m[i]) / (Math.sqrt(v[i] * p.invBias2) + p.epsilon);
  }
}

const PAGE = 65536;

/**
 * The same kernel for tensors outside tfjs-wasm's memory (its threaded build shares a memory we
 * cannot import; the cpu backend keeps JS arrays): weights and gradients are copied into a memory
 * of our own and the new weights copied back. The copies cost far less than the arithmetic they
 * replace (the JS loop's scalar sqrt and division dominate it).
 */
export class SimdAdamUpdater implements AdamUpdater {
  private readonly memory = new WebAssembly.Memory({ initial: 1 });
  private top = 0;
  private scratch = { w: 0, g: 0, length: 0 };

  private readonly kernel: HeapSimdAdamUpdater;

  private constructor() {
    // A bump allocator: regions are made once per variable and never given back one by one.
    const kernel = HeapSimdAdamUpdater.create({
      memory: this.memory,
      malloc: (bytes) => this.alloc(bytes),
      free: () => {},
    });
    if (!kernel) throw new Error('WebAssembly SIMD is not available');
    this.kernel = kernel;
  }

  /** null where WebAssembly SIMD is not available. */
  static create(): SimdAdamUpdater | null {
    try {
      return typeof WebAssembly === 'undefined' ? null : new SimdAdamUpdater();
    } catch {
      return null;
    }
  }

  private alloc(bytes: number): number {
    const offset = this.top;
    this.top += Math.ceil(bytes / 16) * 16;
    const needed = Math.ceil(this.top / PAGE) - this.memory.buffer.byteLength / PAGE;
    if (needed > 0) this.memory.grow(needed);
    return offset;
  }

  step(name: string, w: Float32Array, g: Float32Array, out: Float32Array, p: AdamStepParams) {
    const n = w.length;
    if (this.scratch.length < n)
      this.scratch = { w: this.alloc(n * 4), g: this.alloc(n * 4), length: n };
    const view = (pointer: number) => new Float32Array(this.memory.buffer, pointer, n);
    view(this.scratch.w).set(w);
    view(this.scratch.g).set(g);
    // In place in the scratch; the kernel may grow the memory, so views are taken again after.
    this.kernel.step(name, view(this.scratch.w), view(this.scratch.g), view(this.scratch.w), p);
    out.set(view(this.scratch.w));
  }
}
