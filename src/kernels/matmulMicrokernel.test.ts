import { describe, expect, it } from 'vitest';
import { compileWat } from '../../scripts/lib/compileWat.ts';
import { MICROKERNEL_BASE64 } from './matmulMicrokernel.generated.ts';
import {
  BLOCK_COLUMNS,
  BLOCK_ROWS,
  createMicrokernel,
  MICROKERNEL_BLOCKS,
  packA,
} from './matmulMicrokernel.ts';

/** The float32 triple loop the kernel must match: one rounding per multiply and per add. */
function tripleLoop(a: Float32Array, b: Float32Array, rows: number, k: number, reps: number) {
  const c = new Float32Array(rows * BLOCK_COLUMNS);
  for (let r = 0; r < rows; r++)
    for (let j = 0; j < BLOCK_COLUMNS; j++) {
      let sum = 0;
      for (let pass = 0; pass < reps; pass++)
        for (let p = 0; p < k; p++)
          sum = Math.fround(sum + Math.fround(a[r * k + p] * b[p * BLOCK_COLUMNS + j]));
      c[r * BLOCK_COLUMNS + j] = sum;
    }
  return c;
}

/** Deterministic values in [-1, 1) with varied exponents, so rounding differences would show. */
function values(n: number, seed: number): Float32Array {
  let s = seed;
  return Float32Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s / 1073741824 - 1) * 2 ** ((s % 7) - 3);
  });
}

describe.each(MICROKERNEL_BLOCKS)('the %s SIMD microkernel', (block) => {
  const rows = BLOCK_ROWS[block];
  const kernel = createMicrokernel()!;

  /** The kernel's block of C for seeded A (rows × k) and B (k × columns), against the loop. */
  const expectAsTripleLoop = (k: number, seedA: number, seedB: number, passes: number) => {
    const a = values(rows * k, seedA);
    const b = values(k * BLOCK_COLUMNS, seedB);
    const c = kernel.run(block, packA(a, rows, k), b, k, passes);
    expect(Array.from(c)).toEqual(Array.from(tripleLoop(a, b, rows, k, passes)));
  };

  it.each([1, 3, 17, 300])('computes A · B exactly as a float32 triple loop, k = %i', (k) =>
    expectAsTripleLoop(k, k, k + 99, 1),
  );

  it('keeps summing into the same accumulators over repeated passes', () =>
    expectAsTripleLoop(40, 5, 6, 3));

  it('writes zeros for k = 0 and refuses operands of the wrong size', () => {
    expect(Array.from(kernel.run(block, new Float32Array(0), new Float32Array(0), 0, 5))).toEqual(
      new Array(rows * BLOCK_COLUMNS).fill(0),
    );
    expect(() => kernel.run(block, new Float32Array(rows), new Float32Array(4), 1, 1)).toThrow();
  });

  it('handles operands larger than one memory page', () => expectAsTripleLoop(4000, 11, 12, 1));
});

describe('matmulMicrokernel.generated.ts', () => {
  it('holds exactly the binary that matmulMicrokernel.wat compiles to', async () => {
    const bytes = await compileWat('src/kernels/matmulMicrokernel.wat');
    expect(MICROKERNEL_BASE64).toBe(Buffer.from(bytes).toString('base64'));
  });
});
