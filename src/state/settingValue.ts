/**
 * Turning a raw query-string value, or a value from a UI control, into a valid setting value.
 * Each function says why the result differs from what was asked, as the end of a sentence that
 * starts "<urlKey>=<raw> ", e.g. "is above the maximum 50; using 50.", and says the same as data
 * (`why`), which a page in another language words for itself.
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
  /** The reason as data; present with `reason`. */
  why?: Why;
}

/** The options a message names: the first few, and how many there are in all. */
export interface NamedOptions {
  listed: readonly string[];
  total: number;
}

/** How a number setting is stored: on a step, to significant digits, or at its own precision. */
export type Precision =
  { by: 'step'; step: string } | { by: 'digits'; digits: number } | { by: 'stored' };

/** What was wrong with a value that gave way to the default. */
export type Problem =
  | { kind: 'empty' | 'notNumber' | 'noDigits' | 'notBooleanWord' | 'notBoolean' | 'notDigitSet' }
  | { kind: 'notOption' | 'notNameList'; options: NamedOptions };

/**
 * Why a value is not what was asked for, as data: each kind is one wording of `reason`. `used`
 * is the value taken, as the sentence writes it ('' for an empty set of digits or names: "none").
 */
export type Why =
  | { kind: 'aboveMax' | 'belowMin'; limit: string; used: string }
  | { kind: 'notWhole'; used: string }
  | { kind: 'rounded'; precision: Precision; used: string }
  | { kind: 'nearest'; options: NamedOptions; used: string }
  | { kind: 'fallback'; problem: Problem; used: string }
  | { kind: 'notDigits'; used: string }
  | { kind: 'unknownNames'; unknown: number; options: NamedOptions; used: string };

const TRUE_WORDS = new Set(['1', 'true']);
const FALSE_WORDS = new Set(['0', 'false']);

function show(value: SettingValue): string {
  return typeof value === 'number' ? formatNumber(value) : String(value);
}

function fallback(spec: SettingSpec, problem: Problem, text: string): Resolved {
  const used = show(spec.default);
  return {
    value: spec.default,
    reason: `${text}; using the default ${used}.`,
    why: { kind: 'fallback', problem, used },
  };
}

/** Options named in a message; a longer list (the presets) is cut so the notice stays one line. */
const LISTED_OPTIONS = 6;

function namedOptions(spec: EnumSpec<string> | EnumSpec<number> | NameSetSpec): NamedOptions {
  const { options } = spec;
  return { listed: options.slice(0, LISTED_OPTIONS).map(show), total: options.length };
}

function optionList(spec: EnumSpec<string> | EnumSpec<number> | NameSetSpec): string {
  const { listed, total } = namedOptions(spec);
  if (total <= LISTED_OPTIONS) return listed.join(', ');
  return `${listed.join(', ')}, … (${total} in all)`;
}

function notOption(spec: EnumSpec<string> | EnumSpec<number>): Resolved {
  return fallback(
    spec,
    { kind: 'notOption', options: namedOptions(spec) },
    `is not one of ${optionList(spec)}`,
  );
}

/** How a number setting is stored, for the message that says a value was rounded to it. */
function precisionOf(spec: NumberSpec): Precision {
  if (spec.step !== undefined && spec.step > 0) return { by: 'step', step: show(spec.step) };
  return spec.logScale ? { by: 'digits', digits: LOG_SCALE_DIGITS } : { by: 'stored' };
}

function precisionText(precision: Precision): string {
  if (precision.by === 'step') return `a step of ${precision.step}`;
  return precision.by === 'digits'
    ? `${precision.digits} significant digits`
    : 'its stored precision';
}

/** Clamps to [min, max]; integers are rounded, other numbers kept at their stored precision. Any change has a reason. */
export function resolveNumber(spec: NumberSpec | IntegerSpec, n: number): Resolved<number> {
  const asked = spec.kind === 'integer' ? Math.round(n) : n;
  if (asked > spec.max) {
    const limit = show(spec.max);
    return {
      value: spec.max,
      reason: `is above the maximum ${limit}; using ${limit}.`,
      why: { kind: 'aboveMax', limit, used: limit },
    };
  }
  if (asked < spec.min) {
    const limit = show(spec.min);
    return {
      value: spec.min,
      reason: `is below the minimum ${limit}; using ${limit}.`,
      why: { kind: 'belowMin', limit, used: limit },
    };
  }
  if (spec.kind === 'integer') {
    const value = asked + 0; // no -0
    if (value === n) return { value };
    const used = show(value);
    return {
      value,
      reason: `is not a whole number; using ${used}.`,
      why: { kind: 'notWhole', used },
    };
  }
  // A link that asks for more precision than is stored must not be changed without a word.
  const value = quantize(spec, asked) + 0;
  if (value === n) return { value };
  const precision = precisionOf(spec);
  const used = show(value);
  return {
    value,
    reason: `is rounded to ${precisionText(precision)}; using ${used}.`,
    why: { kind: 'rounded', precision, used },
  };
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
  const used = show(best);
  return {
    value: best,
    reason: `is not one of ${optionList(spec)}; using the nearest, ${used}.`,
    why: { kind: 'nearest', options: namedOptions(spec), used },
  };
}

function parseStringEnum(spec: EnumSpec<string>, text: string): Resolved {
  if (spec.options.includes(text)) return { value: text };
  const folded = spec.options.find((o) => o.toLowerCase() === text.toLowerCase());
  if (folded !== undefined) return { value: folded };
  return notOption(spec);
}

/** Sorted, unique digits; anything else is dropped with a reason. */
export function resolveDigits(spec: DigitSetSpec, text: string): Resolved {
  const digits = [...new Set(text.replace(/[^0-9]/g, '').split(''))].sort().join('');
  if (digits === '' && !spec.allowEmpty)
    return fallback(spec, { kind: 'noDigits' }, 'names no digit 0–9');
  if (/[^0-9,\s]/.test(text))
    return {
      value: digits,
      reason: `has characters that are not digits; using ${digits || 'none'}.`,
      why: { kind: 'notDigits', used: digits },
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
    why: {
      kind: 'unknownNames',
      unknown: unknown.length,
      options: namedOptions(spec),
      used: value,
    },
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
      return text === ''
        ? fallback(spec, { kind: 'empty' }, 'is empty')
        : fallback(spec, { kind: 'notNumber' }, 'is not a number');
    }
    case 'enum': {
      if (!isNumericEnum(spec)) return parseStringEnum(spec, text);
      const n = parseDecimal(text);
      if (n !== undefined) return resolveNumericEnum(spec, n);
      return notOption(spec);
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
      return fallback(spec, { kind: 'notBooleanWord' }, 'is not a boolean (1, 0, true or false)');
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
        : fallback(spec, { kind: 'notNumber' }, 'is not a number');
    case 'enum':
      if (isNumericEnum(spec)) {
        return typeof value === 'number' && Number.isFinite(value)
          ? resolveNumericEnum(spec, value)
          : notOption(spec);
      }
      return typeof value === 'string' ? parseStringEnum(spec, value) : notOption(spec);
    case 'boolean':
      return typeof value === 'boolean'
        ? { value }
        : fallback(spec, { kind: 'notBoolean' }, 'is not a boolean');
    case 'digits':
      return typeof value === 'string'
        ? resolveDigits(spec, value)
        : fallback(spec, { kind: 'notDigitSet' }, 'is not a set of digits');
    case 'names':
      return typeof value === 'string'
        ? resolveNames(spec, value)
        : fallback(
            spec,
            { kind: 'notNameList', options: namedOptions(spec) },
            `is not a list of ${optionList(spec)}`,
          );
  }
}

/** The text a value is written as in the query string. */
export function formatValue(spec: SettingSpec, value: SettingValue): string {
  if (spec.kind === 'boolean') return value ? '1' : '0';
  return show(value);
}
