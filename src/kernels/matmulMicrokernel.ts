import { MICROKERNEL_BASE64 } from './matmulMicrokernel.generated.ts';

/**
 * The register-blocked SIMD matmul microkernels of matmulMicrokernel.wat: C (rows × 8) = A · B
 * with A rows × k and B k × 8, both packed k-major. The bench times them for the machine's
 * practical GFLOP/s limit; nothing in training uses them.
 */
export type MicrokernelBlock = '4x8' | '6x8';
export const MICROKERNEL_BLOCKS: readonly MicrokernelBlock[] = ['4x8', '6x8'];
export const BLOCK_ROWS: Record<MicrokernelBlock, number> = { '4x8': 4, '6x8': 6 };
export const BLOCK_COLUMNS = 8;

type KernelExport = (a: number, b: number, c: number, k: number, reps: number) => void;

export interface Microkernel {
  /**
   * C = A · B summed over `reps` passes (reps = 1: the product), row-major rows × 8. `aPacked`
   * holds A column by column (rows floats per k), `bPacked` is B row-major (8 floats per k).
   */
  run(
    block: MicrokernelBlock,
    aPacked: Float32Array,
    bPacked: Float32Array,
    k: number,
    reps: number,
  ): Float32Array;
}

function kernelBytes(): Uint8Array<ArrayBuffer> {
  const text = atob(MICROKERNEL_BASE64);
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** A row-major rows × k matrix as the kernel reads it: for each k, the rows' values. */
export function packA(rowMajor: Float32Array, rows: number, k: number): Float32Array {
  const packed = new Float32Array(rows * k);
  for (let r = 0; r < rows; r++)
    for (let p = 0; p < k; p++) packed[p * rows + r] = rowMajor[r * k + p];
  return packed;
}

const PAGE = 65536;

/** null where WebAssembly SIMD is missing. */
export function createMicrokernel(): Microkernel | null {
  const bytes = kernelBytes();
  if (typeof WebAssembly === 'undefined' || !WebAssembly.validate(bytes)) return null;
  const memory = new WebAssembly.Memory({ initial: 1 });
  const { exports } = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
  const kernels: Record<MicrokernelBlock, KernelExport> = {
    '4x8': exports.kernel4x8 as KernelExport,
    '6x8': exports.kernel6x8 as KernelExport,
  };
  return {
    run(block, aPacked, bPacked, k, reps) {
      const rows = BLOCK_ROWS[block];
      if (aPacked.length !== rows * k || bPacked.length !== BLOCK_COLUMNS * k)
        throw new Error(`packed operands do not match a ${block} block with k = ${k}`);
      // A, then B, then C, each 16-byte aligned.
      const aBytes = Math.ceil((aPacked.length * 4) / 16) * 16;
      const bBytes = bPacked.length * 4;
      const cOffset = aBytes + bBytes;
      const needed = Math.ceil((cOffset + rows * BLOCK_COLUMNS * 4) / PAGE);
      const have = memory.buffer.byteLength / PAGE;
      if (needed > have) memory.grow(needed - have);
      new Float32Array(memory.buffer, 0, aPacked.length).set(aPacked);
      new Float32Array(memory.buffer, aBytes, bPacked.length).set(bPacked);
      kernels[block](0, aBytes, cOffset, k, reps);
      return new Float32Array(memory.buffer, cOffset, rows * BLOCK_COLUMNS).slice();
    },
  };
}
