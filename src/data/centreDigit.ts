/**
 * A drawn digit made to look like an MNIST digit, the way MNIST was made (LeCun, Cortes &
 * Burges, the MNIST page): the ink's bounding box is scaled, keeping its aspect ratio and
 * anti-aliased, to fit a 20 × 20 box, then placed in a 28 × 28 image so that its centre of mass
 * lands on the centre. Coordinates are pixel indices; the centre is (14, 14), as in the usual
 * re-implementations (shift = round(14 − centre of mass)); an even-sized digit ends up within half
 * a pixel of it.
 */
import { IMAGE_SIDE, IMAGE_SIZE } from './mnistAssets.ts';

/** The longer side of the scaled digit, in pixels. */
export const FIT_SIDE = 20;
const CENTRE = IMAGE_SIDE / 2;

interface Box {
  x0: number;
  y0: number;
  width: number;
  height: number;
}

function inkBox(image: ArrayLike<number>, width: number, height: number): Box | null {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (image[y * width + x] > 0) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
    }
  }
  return x1 < 0 ? null : { x0, y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/**
 * Area-average weights of a 1-D resampling of `from` source pixels onto `to` target pixels: each
 * target pixel covers from/to source pixels, fractions at its edges (a box filter, exact).
 */
function areaWeights(from: number, to: number): { index: number; weight: number }[][] {
  const ratio = from / to;
  return Array.from({ length: to }, (_, t) => {
    const start = t * ratio;
    const end = start + ratio;
    const taps: { index: number; weight: number }[] = [];
    for (let s = Math.floor(start); s < Math.min(from, Math.ceil(end)); s++) {
      const overlap = Math.min(end, s + 1) - Math.max(start, s);
      if (overlap > 1e-12) taps.push({ index: s, weight: overlap / ratio });
    }
    return taps;
  });
}

/** `image` (width × height, ink > 0, values 0–1) as a 784-float MNIST-style input, 0–1. */
export function centreDigit(image: ArrayLike<number>, width: number, height: number): Float32Array {
  const out = new Float32Array(IMAGE_SIZE);
  const box = inkBox(image, width, height);
  if (!box) return out;
  const scale = FIT_SIDE / Math.max(box.width, box.height);
  const w = Math.max(1, Math.round(box.width * scale));
  const h = Math.max(1, Math.round(box.height * scale));
  const xs = areaWeights(box.width, w);
  const ys = areaWeights(box.height, h);
  // Rows first, then columns: a separable box filter.
  const rows = new Float64Array(box.height * w);
  for (let y = 0; y < box.height; y++) {
    for (let tx = 0; tx < w; tx++) {
      let v = 0;
      for (const { index, weight } of xs[tx])
        v += weight * image[(box.y0 + y) * width + box.x0 + index];
      rows[y * w + tx] = v;
    }
  }
  const scaled = new Float64Array(w * h);
  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let ty = 0; ty < h; ty++) {
    for (let tx = 0; tx < w; tx++) {
      let v = 0;
      for (const { index, weight } of ys[ty]) v += weight * rows[index * w + tx];
      scaled[ty * w + tx] = v;
      mass += v;
      mx += v * tx;
      my += v * ty;
    }
  }
  // Rounded at 1e-6 first, so that float noise in the mass cannot flip a half-pixel tie.
  const left = Math.round(Number((CENTRE - mx / mass).toFixed(6)));
  const top = Math.round(Number((CENTRE - my / mass).toFixed(6)));
  for (let ty = 0; ty < h; ty++) {
    for (let tx = 0; tx < w; tx++) {
      const x = left + tx;
      const y = top + ty;
      if (x < 0 || y < 0 || x >= IMAGE_SIDE || y >= IMAGE_SIDE) continue;
      out[y * IMAGE_SIDE + x] = Math.min(1, scaled[ty * w + tx]);
    }
  }
  return out;
}
