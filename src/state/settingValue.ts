/**
 * Turning a raw query-string value, or a value from a UI control, into a valid setting value.
 * Each function says why the result differs from what was asked, as the end of a sentence that
 * starts "<urlKey>=<raw> ", e.g. "is above the maximum 50; using 50.".
 */
import { formatNumber, LOG_SCALE_DIGITS, parseDecimal, quantize } from './numberFormat.ts';
import type {
  DigitSetSpec,
  EnumSpec,
  IntegerSpec,
  NameSetSpec,
  NumberSpec,
  SettingSpec,
} from './schemaTypes.ts';

export type SettingValue = string | number | boolean;

export interface Resolved<V extends SettingValue = SettingValue> {
  value: V;
  /** Present when `value` is not what was asked for. */
  reason?: string;
}

const TRUE_WORDS = new Set(['1', 'true']);
const FALSE_WORDS = new Set(['0', 'false']);

function show(value: SettingValue): string {
  return typeof value === 'number' ? formatNumber(value) : String(value);
}

function fallback(spec: SettingSpec, why: string): Resolved {
  return { value: spec.default, reason: `${why}; using the default ${show(spec.default)}.` };
}

/** Options named in a message; a longer list (the presets) is cut so the notice stays one line. */
const LISTED_OPTIONS = 6;

function optionList(spec: EnumSpec<string> | EnumSpec<number> | NameSetSpec): string {
  const { options } = spec;
  if (options.length <= LISTED_OPTIONS) return options.map(show).join(', ');
  const listed = options.slice(0, LISTED_OPTIONS).map(show).join(', ');
  return `${listed}, … (${options.length} in all)`;
}

/** How a number setting is stored, for the message that says a value was rounded to it. */
function precisionOf(spec: NumberSpec): string {
  if (spec.step !== undefined && spec.step > 0) return `a step of ${show(spec.step)}`;
  return spec.logScale ? `${LOG_SCALE_DIGITS} significant digits` : 'its stored precision';
}

/** Clamps to [min, max]; integers are rounded, other numbers kept at their stored precision. Any change has a reason. */
export function resolveNumber(spec: NumberSpec | IntegerSpec, n: number): Resolved<number> {
  const asked = spec.kind === 'integer' ? Math.round(n) : n;
  if (asked > spec.max) {
    return {
      value: spec.max,
      reason: `is above the maximum ${show(spec.max)}; using ${show(spec.max)}.`,
    };
  }
  if (asked < spec.min) {
    return {
      value: spec.min,
      reason: `is below the minimum ${show(spec.min)}; using ${show(spec.min)}.`,
    };
  }
  if (spec.kind === 'integer') {
    const value = asked + 0; // no -0
    return value === n
      ? { value }
      : { value, reason: `is not a whole number; using ${show(value)}.` };
  }
  // A link that asks for more precision than is stored must not be changed without a word.
  const value = quantize(spec, asked) + 0;
  return value === n
    ? { value }
    : { value, reason: `is rounded to ${precisionOf(spec)}; using ${show(value)}.` };
}

/** The nearest option; halfway between two, the larger. */
export function resolveNumericEnum(spec: EnumSpec<number>, n: number): Resolved<number> {
  let best = spec.options[0] ?? spec.default;
  for (const option of spec.options) {
    const d = Math.abs(option - n);
    const bestD = Math.abs(best - n);
    if (d < bestD || (d === bestD && option > best)) best = option;
  }
  if (best === n) return { value: best };
  return {
    value: best,
    reason: `is not one of ${optionList(spec)}; using the nearest, ${show(best)}.`,
  };
}

function parseStringEnum(spec: EnumSpec<string>, text: string): Resolved {
  if (spec.options.includes(text)) return { value: text };
  const folded = spec.options.find((o) => o.toLowerCase() === text.toLowerCase());
  if (folded !== undefined) return { value: folded };
  return fallback(spec, `is not one of ${optionList(spec)}`);
}

/** Sorted, unique digits; anything else is dropped with a reason. */
export function resolveDigits(spec: DigitSetSpec, text: string): Resolved {
  const digits = [...new Set(text.replace(/[^0-9]/g, '').split(''))].sort().join('');
  if (digits === '' && !spec.allowEmpty) return fallback(spec, 'names no digit 0–9');
  if (/[^0-9,\s]/.test(text))
    return {
      value: digits,
      reason: `has characters that are not digits; using ${digits || 'none'}.`,
    };
  return { value: digits };
}

/** Known names in option order, without repeats; unknown ones are dropped with a reason. */
export function resolveNames(spec: NameSetSpec, text: string): Resolved {
  const asked = text
    .split(/[\s,]+/)
    .map((w) => w.toLowerCase())
    .filter((w) => w !== '');
  const value = spec.options.filter((o) => asked.includes(o.toLowerCase())).join(',');
  const unknown = asked.filter((w) => !spec.options.some((o) => o.toLowerCase() === w));
  if (unknown.length === 0) return { value };
  const shown = unknown.length === 1 ? 'a name that is' : `${unknown.length} names that are`;
  return {
    value,
    reason: `has ${shown} not one of ${optionList(spec)}; using ${value || 'none'}.`,
  };
}

function isNumericEnum(spec: EnumSpec<string> | EnumSpec<number>): spec is EnumSpec<number> {
  return typeof spec.default === 'number';
}

/** Reads a raw query-string value. A malformed one gives the default, with a reason. */
export function parseRawValue(spec: SettingSpec, raw: string): Resolved {
  const text = raw.trim();
  switch (spec.kind) {
    case 'number':
    case 'integer': {
      const n = parseDecimal(text);
      if (n !== undefined) return resolveNumber(spec, n);
      return fallback(spec, text === '' ? 'is empty' : 'is not a number');
    }
    case 'enum': {
      if (!isNumericEnum(spec)) return parseStringEnum(spec, text);
      const n = parseDecimal(text);
      if (n !== undefined) return resolveNumericEnum(spec, n);
      return fallback(spec, `is not one of ${optionList(spec)}`);
    }
    case 'digits':
      return resolveDigits(spec, text);
    case 'names':
      return resolveNames(spec, text);
    case 'boolean': {
      const word = text.toLowerCase();
      // A bare flag (`?embed`) means true.
      if (word === '' || TRUE_WORDS.has(word)) return { value: true };
      if (FALSE_WORDS.has(word)) return { value: false };
      return fallback(spec, 'is not a boolean (1, 0, true or false)');
    }
  }
}

/** Brings an in-memory value into range and onto the stored precision; a wrong type gives the default. */
export function normalizeValue(spec: SettingSpec, value: unknown): Resolved {
  switch (spec.kind) {
    case 'number':
    case 'integer':
      return typeof value === 'number' && Number.isFinite(value)
        ? resolveNumber(spec, value)
        : fallback(spec, 'is not a number');
    case 'enum':
      if (isNumericEnum(spec)) {
        return typeof value === 'number' && Number.isFinite(value)
          ? resolveNumericEnum(spec, value)
          : fallback(spec, `is not one of ${optionList(spec)}`);
      }
      return typeof value === 'string'
        ? parseStringEnum(spec, value)
        : fallback(spec, `is not one of ${optionList(spec)}`);
    case 'boolean':
      return typeof value === 'boolean' ? { value } : fallback(spec, 'is not a boolean');
    case 'digits':
      return typeof value === 'string'
        ? resolveDigits(spec, value)
        : fallback(spec, 'is not a set of digits');
    case 'names':
      return typeof value === 'string'
        ? resolveNames(spec, value)
        : fallback(spec, `is not a list of ${optionList(spec)}`);
  }
}

/** The text a value is written as in the query string. */
export function formatValue(spec: SettingSpec, value: SettingValue): string {
  if (spec.kind === 'boolean') return value ? '1' : '0';
  return show(value);
}
