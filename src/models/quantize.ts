/**
 * 8-bit weights: symmetric, per output channel (one scale per column of a dense kernel), the
 * scheme of TensorFlow Lite's post-training int8 weight quantization (Jacob et al. 2018; the
 * TFLite "quantization specification": symmetric int8 weights, per-axis scales, zero point 0).
 * A kernel [fanIn × fanOut] is stored as fanIn·fanOut int8 values plus fanOut float32 scales;
 * biases stay float32 (they are few, and TFLite keeps them at higher precision too).
 */

export interface QuantizedKernel {
  rows: number;
  cols: number;
  /** Row-major like the kernel: q[i·cols + j]. */
  values: Int8Array;
  /** Per column j: w ≈ q · scale[j]. */
  scales: Float32Array;
}

/** Largest magnitude of an int8 step; −128 is left out so that the range is symmetric. */
const Q_MAX = 127;

export function quantizeKernel(kernel: Float32Array, rows: number, cols: number): QuantizedKernel {
  if (kernel.length !== rows * cols) {
    throw new Error(
      `A ${rows} × ${cols} kernel needs ${rows * cols} values, not ${kernel.length}.`,
    );
  }
  const scales = new Float32Array(cols);
  for (let j = 0; j < cols; j++) {
    let maxAbs = 0;
    for (let i = 0; i < rows; i++) maxAbs = Math.max(maxAbs, Math.abs(kernel[i * cols + j]));
    // An all-zero column keeps scale 1: every q is 0 and nothing divides by zero.
    scales[j] = maxAbs > 0 ? maxAbs / Q_MAX : 1;
  }
  const values = new Int8Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const q = Math.round(kernel[i * cols + j] / scales[j]);
      values[i * cols + j] = Math.max(-Q_MAX, Math.min(Q_MAX, q));
    }
  }
  return { rows, cols, values, scales };
}

/** The float weights an 8-bit kernel stands for (what inference multiplies by). */
export function dequantizeKernel(q: QuantizedKernel): Float32Array {
  const out = new Float32Array(q.rows * q.cols);
  for (let i = 0; i < q.rows; i++) {
    for (let j = 0; j < q.cols; j++) out[i * q.cols + j] = q.values[i * q.cols + j] * q.scales[j];
  }
  return out;
}

/** Bytes an MLP of these layer widths takes as stored: float32, and 8-bit as above. */
export function storedBytes(sizes: readonly number[]): { float32: number; int8: number } {
  let float32 = 0;
  let int8 = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const weights = sizes[l] * sizes[l + 1];
    const biases = sizes[l + 1];
    float32 += 4 * (weights + biases);
    // int8 weights, a float32 scale per column, float32 biases.
    int8 += weights + 4 * sizes[l + 1] + 4 * biases;
  }
  return { float32, int8 };
}
