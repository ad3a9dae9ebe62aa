/**
 * Settings ⇄ query string. The query string is the source of truth for a shared or embedded
 * page: parseSettings reads it (never throws, explains every value it could not take as given),
 * serializeSettings writes only what differs from the defaults and keeps keys that are not ours.
 */
import type { Settings, SettingKey } from './settingsSchema.ts';
import { DEFAULT_SETTINGS, SETTING_KEYS, SETTINGS_SCHEMA } from './settingsSchema.ts';
import { presetById } from './presets.ts';
import { clampStep, lessonById, lessonSettings } from '../lessons/lessonSettings.ts';
import type { LessonId } from '../lessons/lessonIds.ts';
import type { Resolved, Why } from './settingValue.ts';
import { formatValue, normalizeValue, parseRawValue } from './settingValue.ts';

export type { NamedOptions, Precision, Problem, Why } from './settingValue.ts';

/**
 * What a notice says, as data, for a page that words it in another language. `given` is the
 * key or value as the message quotes it (at most 40 characters, then an ellipsis).
 */
export type NoticeDetail =
  /** A URL key that is no setting; `near` is the setting's key it differs from only in case. */
  | { kind: 'unknownKey'; given: string; near?: string }
  /** The key is given `times` times; the last value, `given`, is taken. */
  | { kind: 'repeated'; times: number; given: string }
  /** The value `given` is not taken as it is, for the reason `why`. */
  | { kind: 'value'; given: string; why: Why }
  /** The lesson step `given` is past the last of the lesson's `steps`; step `used` is taken. */
  | { kind: 'stepPastEnd'; given: string; lesson: LessonId; steps: number; used: number }
  /** A lesson step without a lesson. */
  | { kind: 'stepWithoutLesson'; given: string };

export interface SettingNotice {
  /** The setting concerned; null for a URL key that is no setting (it is ignored). */
  key: SettingKey | null;
  urlKey: string;
  raw: string;
  /** A sentence for the page, e.g. "T=500 is above the maximum 50; using 50." */
  message: string;
  /** The sentence as data: what a page in another language words for itself. */
  detail: NoticeDetail;
}

export interface ParsedSettings {
  settings: Settings;
  notices: SettingNotice[];
}

const KEY_BY_URL_KEY: ReadonlyMap<string, SettingKey> = new Map(
  SETTING_KEYS.map((key) => [SETTINGS_SCHEMA[key].urlKey, key]),
);

/** The schema guarantees a row of key K resolves to a Settings[K]; this is the one place that says so. */
function typed<K extends SettingKey>(_key: K, resolved: Resolved): Resolved<Settings[K]> {
  return resolved as Resolved<Settings[K]>;
}

function toParams(search: string | URLSearchParams): URLSearchParams {
  if (typeof search !== 'string') return search;
  try {
    return new URLSearchParams(search);
  } catch {
    return new URLSearchParams();
  }
}

/** The most of a raw key or value a notice quotes: a pasted essay must not flood the page. */
const QUOTED_CHARS = 40;

/** `text`, or its first QUOTED_CHARS characters and an ellipsis. */
function quote(text: string): string {
  if (text.length <= QUOTED_CHARS) return text;
  // Code points, so an emoji is never cut in half; each is at most two UTF-16 units.
  const head = Array.from(text.slice(0, 2 * QUOTED_CHARS + 2));
  return head.length <= QUOTED_CHARS ? text : `${head.slice(0, QUOTED_CHARS).join('')}…`;
}

function unknownKeyNotice(urlKey: string, raw: string): SettingNotice {
  const lower = urlKey.toLowerCase();
  const near = [...KEY_BY_URL_KEY.keys()].find((k) => k.toLowerCase() === lower);
  const given = quote(urlKey);
  const message =
    near === undefined
      ? `Unknown setting "${given}" ignored.`
      : `Unknown setting "${given}" ignored; did you mean "${near}"?`;
  const detail: NoticeDetail =
    near === undefined ? { kind: 'unknownKey', given } : { kind: 'unknownKey', given, near };
  return { key: null, urlKey, raw, message, detail };
}

export function parseSettings(search: string | URLSearchParams): ParsedSettings {
  const params = toParams(search);
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const notices: SettingNotice[] = [];
  const raws = new Map<SettingKey, string[]>();

  for (const [urlKey, raw] of params) {
    const key = KEY_BY_URL_KEY.get(urlKey);
    if (key === undefined) {
      notices.push(unknownKeyNotice(urlKey, raw));
    } else {
      raws.set(key, [...(raws.get(key) ?? []), raw]);
    }
  }

  const take = (key: SettingKey) => {
    const given = raws.get(key);
    if (given === undefined) return;
    const { urlKey } = SETTINGS_SCHEMA[key];
    const raw = given[given.length - 1];
    if (given.length > 1) {
      const message = `${urlKey} is given ${given.length} times; using the last, ${urlKey}=${quote(raw)}.`;
      const detail: NoticeDetail = { kind: 'repeated', times: given.length, given: quote(raw) };
      notices.push({ key, urlKey, raw, message, detail });
    }
    const resolved = parseRawValue(SETTINGS_SCHEMA[key], raw);
    assign(settings, key, typed(key, resolved).value);
    // The preset row comes early in the table: its values apply, then the URL's own override them.
    if (key === 'preset') Object.assign(settings, presetById(settings.preset)?.settings);
    if (resolved.reason === undefined || resolved.why === undefined) return;
    // The lesson step's range depends on the lesson: its notice comes with that check.
    const { reason, why } = resolved;
    if (key === 'lessonStep') stepReason = { reason, why };
    else notices.push(valueNotice(key, raw, reason, why));
  };
  let stepReason: { reason: string; why: Why } | undefined;
  // A lesson step first: it stands for the settings its steps set, which the link may override.
  take('lesson');
  take('lessonStep');
  const stepNotice = clampLessonStep(settings, raws.get('lessonStep'), stepReason);
  if (stepNotice) notices.push(stepNotice);
  Object.assign(settings, lessonSettings(settings.lesson, settings.lessonStep));
  for (const key of SETTING_KEYS) if (key !== 'lesson' && key !== 'lessonStep') take(key);
  return { settings, notices };
}

/**
 * A step past the lesson's last is its last; without a lesson the step is 1. One notice for the
 * step, whether its value was malformed, out of range or past the lesson's end.
 */
function clampLessonStep(
  settings: Settings,
  given: string[] | undefined,
  reason: { reason: string; why: Why } | undefined,
): SettingNotice | undefined {
  if (given === undefined) return undefined;
  const lesson = lessonById(settings.lesson);
  const step = lesson ? clampStep(lesson, settings.lessonStep) : 1;
  const urlKey = SETTINGS_SCHEMA.lessonStep.urlKey;
  const raw = given[given.length - 1];
  const changed = step !== settings.lessonStep;
  settings.lessonStep = step;
  if (!changed) return reason && valueNotice('lessonStep', raw, reason.reason, reason.why);
  const asked = `${urlKey}=${quote(raw)}`;
  const notice = { key: 'lessonStep' as const, urlKey, raw };
  if (!lesson) {
    const message = `${asked} ignored: no lesson is chosen.`;
    return { ...notice, message, detail: { kind: 'stepWithoutLesson', given: quote(raw) } };
  }
  const steps = lesson.steps.length;
  return {
    ...notice,
    message: `${asked}: the lesson “${lesson.title}” has ${steps} steps; using ${step}.`,
    detail: { kind: 'stepPastEnd', given: quote(raw), lesson: lesson.id, steps, used: step },
  };
}

/** "<urlKey>=<raw> <reason>" for a value not taken as given. */
function valueNotice(key: SettingKey, raw: string, reason: string, why: Why): SettingNotice {
  const { urlKey } = SETTINGS_SCHEMA[key];
  const message = `${urlKey}=${quote(raw)} ${reason}`;
  return { key, urlKey, raw, message, detail: { kind: 'value', given: quote(raw), why } };
}

function assign<K extends SettingKey>(settings: Settings, key: K, value: Settings[K]): void {
  settings[key] = value;
}

/** A valid value for `key`: in range, on its step/precision, one of its options. */
export function clampSetting<K extends SettingKey>(key: K, value: Settings[K]): Settings[K] {
  return typed(key, normalizeValue(SETTINGS_SCHEMA[key], value)).value;
}

/**
 * The query string (no leading '?') for `s`: only values that differ from the defaults (with the
 * active preset's values counting as defaults), in table
 * order, then every parameter of `existing` that is not a setting (e.g. an LMS's utm_source).
 */
export function serializeSettings(s: Settings, existing?: URLSearchParams | string): string {
  const out = new URLSearchParams();
  // What parseSettings starts from: the defaults, the lesson step's values, then the preset's
  // (which the link names, and parseSettings applies, only when it is not the lesson's own).
  const baseline: Settings = { ...DEFAULT_SETTINGS, ...lessonSettings(s.lesson, s.lessonStep) };
  if (s.preset !== baseline.preset) Object.assign(baseline, presetById(s.preset)?.settings);
  for (const key of SETTING_KEYS) {
    const spec = SETTINGS_SCHEMA[key];
    const text = formatValue(spec, normalizeValue(spec, s[key]).value);
    if (text !== formatValue(spec, baseline[key])) out.append(spec.urlKey, text);
  }
  if (existing !== undefined) {
    for (const [urlKey, raw] of toParams(existing)) {
      if (!KEY_BY_URL_KEY.has(urlKey)) out.append(urlKey, raw);
    }
  }
  return out.toString();
}
