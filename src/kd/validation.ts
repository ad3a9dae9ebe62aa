/** Argument checks shared by the kd core. They throw RangeError so a bad call fails loudly, not as NaN. */

export function assertTemperature(temperature: number): void {
  if (!(temperature > 0) || !Number.isFinite(temperature)) {
    throw new RangeError(`temperature must be a finite number > 0, got ${temperature}`);
  }
}

export function assertAlpha(alpha: number): void {
  if (!(alpha >= 0 && alpha <= 1)) {
    throw new RangeError(`alpha must be in [0, 1], got ${alpha}`);
  }
}

/** Throws unless length is exactly rows × classes, both non-negative integers. */
export function assertShape(length: number, rows: number, classes: number): void {
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(classes) || classes < 0) {
    throw new RangeError(`rows and classes must be non-negative integers, got ${rows}, ${classes}`);
  }
  if (length !== rows * classes) {
    throw new RangeError(`expected ${rows} × ${classes} = ${rows * classes} values, got ${length}`);
  }
}
