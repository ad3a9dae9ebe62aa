import { describe, expect, it } from 'vitest';
import { centreDigit } from './centreDigit.ts';

const blank = (w: number, h: number) => new Float32Array(w * h);

function fill(
  image: Float32Array,
  width: number,
  x0: number,
  y0: number,
  w: number,
  h: number,
  v = 1,
) {
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) image[y * width + x] = v;
}

/** Rows and columns of the 28 × 28 output that hold any ink. */
function inkSpan(out: Float32Array) {
  const rows = new Set<number>();
  const cols = new Set<number>();
  out.forEach((v, k) => {
    if (v > 0) {
      rows.add(Math.floor(k / 28));
      cols.add(k % 28);
    }
  });
  return {
    rows: [Math.min(...rows), Math.max(...rows)],
    cols: [Math.min(...cols), Math.max(...cols)],
  };
}

describe('a drawn digit, centred the way MNIST was', () => {
  it('scales a 4 × 4 block anywhere on a 100 × 100 canvas to a 20 × 20 block of ink at rows and columns 5–24', () => {
    // Scale 20/4 = 5, exact. Its centre of mass 9.5 in its own pixels; placed so that
    // 14 − 9.5 = 4.5 rounds to 5: pixels 5…24, whose centre of mass is 14.5.
    const image = blank(100, 100);
    fill(image, 100, 63, 17, 4, 4);
    const out = centreDigit(image, 100, 100);
    for (let y = 0; y < 28; y++) {
      for (let x = 0; x < 28; x++) {
        const inside = y >= 5 && y <= 24 && x >= 5 && x <= 24;
        expect(out[y * 28 + x]).toBe(inside ? 1 : 0);
      }
    }
  });

  it('keeps the aspect ratio: a 40 × 4 bar becomes 20 × 2, centred', () => {
    // Scale 0.5: each target pixel averages 2 × 2 ones → 1. Width 20 at columns 5–24;
    // height 2, centre of mass 0.5 → 14 − 0.5 = 13.5 → 14: rows 14–15.
    const image = blank(120, 80);
    fill(image, 120, 10, 50, 40, 4);
    const out = centreDigit(image, 120, 80);
    expect(inkSpan(out)).toEqual({ rows: [14, 15], cols: [5, 24] });
    expect(out[14 * 28 + 5]).toBe(1);
  });

  it('anti-aliases: 2-pixel-wide strokes scaled by 20/30 leave partial pixels, and ink scales with area', () => {
    // A 30 × 30 box: two vertical strokes 2 px wide at its left and right edges ("||").
    const image = blank(64, 64);
    fill(image, 64, 10, 10, 2, 30, 1);
    fill(image, 64, 38, 10, 2, 30, 1);
    const out = centreDigit(image, 64, 64);
    const inkIn = 2 * 2 * 30;
    const inkOut = out.reduce((a, b) => a + b, 0);
    // Area averaging conserves ink × scale² = 120 × (20/30)² = 53.3.
    expect(inkOut).toBeCloseTo(inkIn * (20 / 30) ** 2, 4);
    // Target column 0 covers source [0, 1.5): full ink. Column 1 covers [1.5, 3): half of
    // source column 1 out of 1.5 → 1/3.
    const values = [...out].filter((v) => v > 0).map((v) => Math.round(v * 1000) / 1000);
    expect(values).toContain(1);
    expect(values).toContain(0.333);
  });

  it('puts the centre of mass within half a pixel of (14, 14)', () => {
    const image = blank(200, 200);
    // An "L": a tall stroke and a foot.
    fill(image, 200, 40, 20, 12, 150);
    fill(image, 200, 40, 158, 90, 12);
    const out = centreDigit(image, 200, 200);
    let mass = 0;
    let mx = 0;
    let my = 0;
    out.forEach((v, k) => {
      mass += v;
      mx += v * (k % 28);
      my += v * Math.floor(k / 28);
    });
    expect(Math.abs(mx / mass - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(my / mass - 14)).toBeLessThanOrEqual(0.5);
    // The longer side (150 px tall) is 20 px after scaling.
    const span = inkSpan(out);
    expect(span.rows[1] - span.rows[0] + 1).toBe(20);
  });

  it('gives zeros for an empty canvas', () => {
    expect(centreDigit(blank(50, 50), 50, 50).every((v) => v === 0)).toBe(true);
  });
});
