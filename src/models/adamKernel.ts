import { ADAM_KERNEL_BASE64, ADAM_KERNEL_IMPORTED_MEMORY_BASE64 } from './adamKernel.generated.ts';

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

const PAGE = 65536;
const align16 = (bytes: number) => Math.ceil(bytes / 16) * 16;

function kernelBytes(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/**
 * adamKernel.wat (WebAssembly SIMD, 4 floats per instruction) in a memory of its own: the
 * moments stay there between steps; weights and gradients are copied in, new weights out. The
 * three copies cost far less than the arithmetic they replace (the JS loop's scalar sqrt and
 * division dominate it).
 */
export class SimdAdamUpdater implements AdamUpdater {
  private readonly memory: WebAssembly.Memory;
  private readonly adam: AdamExport;
  private readonly regions = new Map<string, { m: number; v: number; length: number }>();
  private top = 0;
  private scratch = { w: 0, g: 0, length: 0 };

  private constructor(instance: WebAssembly.Instance) {
    this.memory = instance.exports.memory as WebAssembly.Memory;
    this.adam = instance.exports.adam as AdamExport;
  }

  /** null where WebAssembly SIMD is not available. */
  static create(): SimdAdamUpdater | null {
    try {
      const bytes = kernelBytes(ADAM_KERNEL_BASE64);
      if (typeof WebAssembly === 'undefined' || !WebAssembly.validate(bytes)) return null;
      return new SimdAdamUpdater(new WebAssembly.Instance(new WebAssembly.Module(bytes)));
    } catch {
      return null;
    }
  }

  private alloc(floats: number): number {
    const offset = this.top;
    this.top += align16(floats * 4);
    const needed = Math.ceil(this.top / PAGE) - this.memory.buffer.byteLength / PAGE;
    if (needed > 0) this.memory.grow(needed);
    return offset;
  }

  step(name: string, w: Float32Array, g: Float32Array, out: Float32Array, p: AdamStepParams) {
    const n = w.length;
    let region = this.regions.get(name);
    if (!region || region.length !== n) {
      // Zeroed: fresh memory from grow() is zero, and a region is never reused.
      region = { m: this.alloc(n), v: this.alloc(n), length: n };
      this.regions.set(name, region);
    }
    if (this.scratch.length < n) this.scratch = { w: this.alloc(n), g: this.alloc(n), length: n };
    // Views after any grow(): growing detaches the old buffer.
    const heap = new Float32Array(this.memory.buffer);
    heap.set(w, this.scratch.w / 4);
    heap.set(g, this.scratch.g / 4);
    // Lanes past n hold leftovers: harmless, each region is padded to a multiple of 4 floats.
    this.adam(
      this.scratch.w,
      this.scratch.w,
      this.scratch.g,
      region.m,
      region.v,
      Math.ceil(n / 4),
      p.beta1,
      p.beta2,
      p.lrBias1,
      p.invBias2,
      p.epsilon,
    );
    out.set(heap.subarray(this.scratch.w / 4, this.scratch.w / 4 + n));
  }
}

/** What the in-heap kernel needs of tfjs's WASM backend (its Emscripten module). */
export interface WasmHeapAccess {
  memory: WebAssembly.Memory;
  malloc(bytes: number): number;
  free(pointer: number): void;
}

/**
 * adamKernel.wat run inside the memory of tfjs's WASM backend: weights, gradients and the new
 * weights are read and written where tfjs keeps them, and the moments live there too (malloc'd),
 * so nothing is copied. Only for tensors on that memory (the caller passes views of it); the last
 * n mod 4 floats are done in JS, so no SIMD store goes past a tensor's end.
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
      const bytes = kernelBytes(ADAM_KERNEL_IMPORTED_MEMORY_BASE64);
      if (!WebAssembly.validate(bytes)) return null;
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
