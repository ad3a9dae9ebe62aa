/** Strict number parsing and the compact, noise-free precision settings are stored and written in. */
import type { NumberSpec } from './schemaTypes.ts';

/** Significant digits kept for log-scale numbers (T, learning rate). */
export const LOG_SCALE_DIGITS = 4;
/** Significant digits kept for other numbers without a step: enough, and no float noise. */
const PLAIN_DIGITS = 10;

const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Decimal notation only: no '', 'Infinity', '0x10' or '1_000'. Undefined when not a number. */
export function parseDecimal(raw: string): number | undefined {
  const text = raw.trim();
  if (!NUMBER_PATTERN.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

function decimalsOf(step: number): number {
  const text = String(step);
  const exp = /e-(\d+)$/.exec(text);
  if (exp) return Number(exp[1]);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Rounds `value` to the precision a number setting keeps (its step, or significant digits). */
export function quantize(
  spec: Pick<NumberSpec, 'min' | 'step' | 'logScale'>,
  value: number,
): number {
  if (spec.step !== undefined && spec.step > 0) {
    const steps = Math.round((value - spec.min) / spec.step);
    return Number((spec.min + steps * spec.step).toFixed(decimalsOf(spec.step)));
  }
  const digits = spec.logScale ? LOG_SCALE_DIGITS : PLAIN_DIGITS;
  return Number(value.toPrecision(digits));
}

/** Shortest text that reads back as the same number, e.g. 0.1, 7.071, 0.00001. */
export function formatNumber(value: number): string {
  return Object.is(value, -0) ? '0' : String(value);
}
