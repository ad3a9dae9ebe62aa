/**
 * The shapes of one row of the settings table. Each row is a discriminated union on `kind`;
 * `SpecValue` gives the value type a row describes.
 */

/** 'live' applies at once; 'restart' restarts training (a backend change also reloads the worker). */
export type SettingScope = 'live' | 'restart';

interface SpecBase {
  /** The query-string key, e.g. `T` in `?T=4`. */
  readonly urlKey: string;
  readonly label: string;
  readonly help: string;
  readonly scope: SettingScope;
}

/** A real number. Stored and written with `step` precision, or 4 significant digits if `logScale`. */
export interface NumberSpec extends SpecBase {
  readonly kind: 'number';
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly step?: number;
  /** Whether a slider for it moves on a log scale (see logScale.ts). */
  readonly logScale: boolean;
}

export interface IntegerSpec extends SpecBase {
  readonly kind: 'integer';
  readonly default: number;
  readonly min: number;
  readonly max: number;
}

/** One of a fixed list. Numeric options snap a nearby number to the nearest option. */
export interface EnumSpec<V extends string | number> extends SpecBase {
  readonly kind: 'enum';
  readonly options: readonly V[];
  readonly default: V;
}

export interface BooleanSpec extends SpecBase {
  readonly kind: 'boolean';
  readonly default: boolean;
}

/** A set of digit classes 0–9, written as its sorted digits ("0124"). */
export interface DigitSetSpec extends SpecBase {
  readonly kind: 'digits';
  readonly default: string;
  /** Whether the empty set is a valid value. */
  readonly allowEmpty: boolean;
}

/**
 * A set of named options (e.g. panels to hide), written comma-separated in option order
 * ("charts,explore"); the empty set is "".
 */
export interface NameSetSpec extends SpecBase {
  readonly kind: 'names';
  readonly options: readonly string[];
  readonly default: string;
}

export type SettingSpec =
  | NumberSpec
  | IntegerSpec
  | EnumSpec<string>
  | EnumSpec<number>
  | BooleanSpec
  | DigitSetSpec
  | NameSetSpec;

/** The value type a row describes: enums of strings keep their literal union. */
export type SpecValue<S extends SettingSpec> = S extends BooleanSpec
  ? boolean
  : S extends DigitSetSpec | NameSetSpec
    ? string
    : S extends EnumSpec<infer V>
      ? V
      : number;

export function numberSetting(spec: Omit<NumberSpec, 'kind'>): NumberSpec {
  return { kind: 'number', ...spec };
}

export function integerSetting(spec: Omit<IntegerSpec, 'kind'>): IntegerSpec {
  return { kind: 'integer', ...spec };
}

/** `default` must be one of `options` (NoInfer stops it from widening the option type). */
export function enumSetting<V extends string | number>(
  spec: Omit<EnumSpec<V>, 'kind' | 'default'> & { readonly default: NoInfer<V> },
): EnumSpec<V> {
  return { kind: 'enum', ...spec };
}

export function digitSetSetting(spec: Omit<DigitSetSpec, 'kind'>): DigitSetSpec {
  return { kind: 'digits', ...spec };
}

export function booleanSetting(spec: Omit<BooleanSpec, 'kind'>): BooleanSpec {
  return { kind: 'boolean', ...spec };
}

export function nameSetSetting(spec: Omit<NameSetSpec, 'kind'>): NameSetSpec {
  return { kind: 'names', ...spec };
}
