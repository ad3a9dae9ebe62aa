import { describe, expect, it } from 'vitest';
import { lessonById } from '../lessons/lessonSettings.ts';
import { fromSliderPosition } from './logScale.ts';
import type { Settings } from './settingsSchema.ts';
import { DEFAULT_SETTINGS, SETTING_KEYS, SETTINGS_SCHEMA } from './settingsSchema.ts';
import { mulberry32 } from './seededRandom.testutil.ts';
import { clampSetting, parseSettings, serializeSettings } from './urlState.ts';

const rng = mulberry32;

function pick<T>(random: () => number, options: readonly T[]): T {
  return options[Math.floor(random() * options.length)] as T;
}

function int(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** A valid setting as a UI control would produce it: a slider position, a step, an option. */
function randomValidSettings(random: () => number): Settings {
  const S = SETTINGS_SCHEMA;
  const logValue = (min: number, max: number) =>
    Number(fromSliderPosition(int(random, 0, 1000), min, max).toPrecision(4));
  const digits = (allowEmpty: boolean) => {
    const set = '0123456789'
      .split('')
      .filter(() => random() < 0.5)
      .join('');
    return set === '' && !allowEmpty ? String(int(random, 0, 9)) : set;
  };
  const lesson = pick(random, S.lesson.options);
  const steps = lessonById(lesson)?.steps.length ?? 1;
  return {
    lesson,
    lessonStep: int(random, 1, steps),
    hide: S.hide.options.filter(() => random() < 0.3).join(','),
    lock: random() < 0.5,
    theme: pick(random, S.theme.options),
    lang: pick(random, S.lang.options),
    preset: pick(random, S.preset.options),
    teacherSource: pick(random, S.teacherSource.options),
    transferDigits: digits(false),
    transferFraction: int(random, 1, 100) / 100,
    useLabels: random() < 0.5,
    biasClasses: digits(true),
    biasShift: int(random, -200, 200) / 10,
    temperature: logValue(S.temperature.min, S.temperature.max),
    alpha: int(random, 0, 100) / 100,
    lossMode: pick(random, S.lossMode.options),
    ensembleRule: pick(random, S.ensembleRule.options),
    studentSize: pick(random, S.studentSize.options),
    seed: int(random, S.seed.min, S.seed.max),
    batchSize: pick(random, S.batchSize.options),
    learningRate: logValue(S.learningRate.min, S.learningRate.max),
    teacherEpochs: int(random, S.teacherEpochs.min, S.teacherEpochs.max),
    studentEpochs: int(random, S.studentEpochs.min, S.studentEpochs.max),
    evalEvery: int(random, S.evalEvery.min, S.evalEvery.max),
    backend: pick(random, S.backend.options),
    workers: pick(random, S.workers.options),
    logScale: random() < 0.5,
    explore: pick(random, S.explore.options),
    embed: random() < 0.5,
  };
}

/** Any numbers at all, in range or not, with float noise: what a careless caller might pass. */
function randomRawSettings(random: () => number): Settings {
  const wild = () => (random() - 0.25) * 10 ** int(random, -6, 4);
  return {
    ...randomValidSettings(random),
    temperature: wild(),
    alpha: wild(),
    seed: wild(),
    batchSize: wild(),
    learningRate: wild(),
    teacherEpochs: wild(),
    studentEpochs: wild(),
    evalEvery: wild(),
  };
}

function clampAll(s: Settings): Settings {
  const out: Settings = { ...s };
  for (const key of SETTING_KEYS) set(out, key, clampSetting(key, s[key]));
  return out;
}

function set<K extends keyof Settings>(s: Settings, key: K, value: Settings[K]): void {
  s[key] = value;
}

describe('URL round trip', () => {
  it('gives back the defaults from the empty query string the defaults write', () => {
    expect(parseSettings(serializeSettings(DEFAULT_SETTINGS))).toEqual({
      settings: DEFAULT_SETTINGS,
      notices: [],
    });
  });

  it('gives back 500 seeded pseudo-random valid settings exactly, without notices', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const s = randomValidSettings(rng(seed));
      const search = serializeSettings(s);
      expect(parseSettings(search), `seed ${seed}: ${search}`).toEqual({
        settings: s,
        notices: [],
      });
    }
  });

  it('gives back settings at the ends of every range', () => {
    const S = SETTINGS_SCHEMA;
    const lows: Settings = {
      ...DEFAULT_SETTINGS,
      temperature: S.temperature.min,
      alpha: S.alpha.min,
      seed: S.seed.min,
      batchSize: 32,
      learningRate: S.learningRate.min,
      teacherEpochs: S.teacherEpochs.min,
      studentEpochs: S.studentEpochs.min,
      evalEvery: S.evalEvery.min,
    };
    const highs: Settings = {
      ...DEFAULT_SETTINGS,
      temperature: S.temperature.max,
      alpha: S.alpha.max,
      seed: S.seed.max,
      batchSize: 512,
      learningRate: S.learningRate.max,
      teacherEpochs: S.teacherEpochs.max,
      studentEpochs: S.studentEpochs.max,
      evalEvery: S.evalEvery.max,
    };
    for (const s of [lows, highs]) {
      expect(parseSettings(serializeSettings(s))).toEqual({ settings: s, notices: [] });
    }
  });

  it('makes clampSetting valid and stable for 500 seeded pseudo-random raw inputs', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const raw = randomRawSettings(rng(seed));
      const clamped = clampAll(raw);
      expect(clampAll(clamped), `seed ${seed}`).toEqual(clamped);
      expect(serializeSettings(raw), `seed ${seed}`).toBe(serializeSettings(clamped));
      expect(parseSettings(serializeSettings(raw)), `seed ${seed}`).toEqual({
        settings: clamped,
        notices: [],
      });
    }
  });

  it('keeps foreign keys through a parse and serialize of a shared link', () => {
    const search = 'utm_source=lms&T=4&embed=1&ref=week3';
    const { settings } = parseSettings(search);
    expect(serializeSettings(settings, new URLSearchParams(search))).toBe(
      'T=4&embed=1&utm_source=lms&ref=week3',
    );
  });
});
