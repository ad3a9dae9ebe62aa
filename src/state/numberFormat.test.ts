import { describe, expect, it } from 'vitest';
import { formatNumber, parseDecimal, quantize } from './numberFormat.ts';

describe('parseDecimal', () => {
  it('reads plain decimals, signs and exponents', () => {
    expect(parseDecimal('8')).toBe(8);
    expect(parseDecimal(' 0.25 ')).toBe(0.25);
    expect(parseDecimal('.5')).toBe(0.5);
    expect(parseDecimal('5.')).toBe(5);
    expect(parseDecimal('-2')).toBe(-2);
    expect(parseDecimal('1e-5')).toBe(1e-5);
    expect(parseDecimal('2E3')).toBe(2000);
  });

  it('rejects text that Number() would quietly accept or turn into nonsense', () => {
    for (const raw of [
      '',
      ' ',
      'abc',
      '0x10',
      'Infinity',
      '-Infinity',
      'NaN',
      '1_000',
      '1,5',
      '1e999',
      '8px',
    ]) {
      expect(parseDecimal(raw), raw).toBeUndefined();
    }
  });
});

describe('quantize', () => {
  it('keeps log-scale numbers to 4 significant digits', () => {
    const spec = { min: 1, logScale: true };
    expect(quantize(spec, Math.sqrt(50))).toBe(7.071);
    expect(quantize(spec, 12.345678)).toBe(12.35);
    expect(quantize({ min: 1e-5, logScale: true }, 0.00123456)).toBe(0.001235);
  });

  it('puts stepped numbers on their step without float noise', () => {
    const spec = { min: 0, step: 0.01, logScale: false };
    expect(quantize(spec, 0.1000000001)).toBe(0.1);
    expect(quantize(spec, 0.07)).toBe(0.07);
    expect(quantize(spec, 0.123)).toBe(0.12);
    expect(quantize(spec, 0.29)).toBe(0.29);
    for (let k = 0; k <= 100; k++) expect(quantize(spec, k / 100)).toBe(k / 100);
  });

  it('is idempotent', () => {
    const spec = { min: 1, logScale: true };
    for (const v of [1, 1.0005, 3.14159, 49.99, 50]) {
      expect(quantize(spec, quantize(spec, v))).toBe(quantize(spec, v));
    }
  });
});

describe('formatNumber', () => {
  it('writes the shortest text that reads back as the same number', () => {
    expect(formatNumber(0.1)).toBe('0.1');
    expect(formatNumber(7.071)).toBe('7.071');
    expect(formatNumber(0.00001)).toBe('0.00001');
    expect(formatNumber(2147483647)).toBe('2147483647');
    expect(formatNumber(-0)).toBe('0');
  });
});
