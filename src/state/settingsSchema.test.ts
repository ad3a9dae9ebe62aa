import { describe, expect, expectTypeOf, it } from 'vitest';
import type { BackendRequest } from '../engine/protocol.ts';
import type { StudentSize } from '../models/architectures.ts';
import type { Settings, SettingKey } from './settingsSchema.ts';
import { DEFAULT_SETTINGS, SETTING_KEYS, SETTINGS_SCHEMA } from './settingsSchema.ts';
import { toLiveHyper, toRecipe } from './toRecipe.ts';

describe('the settings table', () => {
  it('declares the twenty-nine settings in a fixed order, the lesson and its step first, then the preset', () => {
    expect(SETTING_KEYS).toEqual([
      'lesson',
      'lessonStep',
      'preset',
      'temperature',
      'alpha',
      'lossMode',
      'ensembleRule',
      'studentSize',
      'seed',
      'batchSize',
      'learningRate',
      'teacherEpochs',
      'studentEpochs',
      'evalEvery',
      'backend',
      'workers',
      'teacherSource',
      'transferDigits',
      'transferFraction',
      'useLabels',
      'biasClasses',
      'biasShift',
      'logScale',
      'explore',
      'embed',
      'hide',
      'theme',
      'lang',
      'lock',
    ]);
  });

  it('uses the documented URL keys, each once', () => {
    const urlKeys = SETTING_KEYS.map((k) => SETTINGS_SCHEMA[k].urlKey);
    expect(urlKeys).toEqual([
      'lesson',
      'step',
      'preset',
      'T',
      'alpha',
      'loss',
      'ensemble',
      'student',
      'seed',
      'batch',
      'lr',
      'teacherEpochs',
      'epochs',
      'evalEvery',
      'backend',
      'workers',
      'teacher',
      'digits',
      'fraction',
      'labels',
      'biasClasses',
      'bias',
      'log',
      'explore',
      'embed',
      'hide',
      'theme',
      'lang',
      'lock',
    ]);
    expect(new Set(urlKeys).size).toBe(urlKeys.length);
  });

  it('has the documented defaults', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      lesson: 'none',
      lessonStep: 1,
      hide: '',
      theme: 'auto',
      lang: 'auto',
      lock: false,
      preset: 'none',
      teacherSource: 'pretrained',
      transferDigits: '0123456789',
      transferFraction: 1,
      useLabels: true,
      biasClasses: '',
      biasShift: 0,
      temperature: 8,
      lossMode: 'hinton',
      ensembleRule: 'mean-probabilities',
      alpha: 0.1,
      studentSize: '800-800',
      seed: 1,
      batchSize: 128,
      learningRate: 0.001,
      teacherEpochs: 2,
      studentEpochs: 5,
      evalEvery: 100,
      backend: 'auto',
      workers: 'auto',
      logScale: false,
      explore: 'limit',
      embed: false,
    });
  });

  it('gives every row a label and help text', () => {
    for (const key of SETTING_KEYS) {
      expect(SETTINGS_SCHEMA[key].label.length, key).toBeGreaterThan(0);
      expect(SETTINGS_SCHEMA[key].help.length, key).toBeGreaterThan(10);
    }
    expect(SETTINGS_SCHEMA.temperature.label).toBe('Temperature T');
    expect(SETTINGS_SCHEMA.alpha.label).toBe('α (weight of hard labels)');
  });

  it('marks the lesson, temperature, alpha, the bias shift, log scale, the explore panel and the embed options live and everything else restart', () => {
    const live = SETTING_KEYS.filter((k) => SETTINGS_SCHEMA[k].scope === 'live');
    expect(live).toEqual([
      'lesson',
      'lessonStep',
      'temperature',
      'alpha',
      'biasClasses',
      'biasShift',
      'logScale',
      'explore',
      'embed',
      'hide',
      'theme',
      'lang',
      'lock',
    ]);
    const restart = SETTING_KEYS.filter((k) => SETTINGS_SCHEMA[k].scope === 'restart');
    expect(restart).toHaveLength(16);
  });

  it('keeps every default inside its range or among its options', () => {
    for (const key of SETTING_KEYS) {
      const spec = SETTINGS_SCHEMA[key];
      switch (spec.kind) {
        case 'number':
        case 'integer':
          expect(spec.min, key).toBeLessThan(spec.max);
          expect(spec.default, key).toBeGreaterThanOrEqual(spec.min);
          expect(spec.default, key).toBeLessThanOrEqual(spec.max);
          break;
        case 'enum':
          expect(spec.options as readonly (string | number)[], key).toContain(spec.default);
          break;
        case 'boolean':
          expect(typeof spec.default, key).toBe('boolean');
      }
    }
  });

  it('declares the documented ranges, options and scales', () => {
    expect(SETTINGS_SCHEMA.temperature).toMatchObject({
      kind: 'number',
      min: 1,
      max: 50,
      logScale: true,
    });
    expect(SETTINGS_SCHEMA.alpha).toMatchObject({ kind: 'number', min: 0, max: 1, step: 0.01 });
    expect(SETTINGS_SCHEMA.learningRate).toMatchObject({ min: 1e-5, max: 0.1, logScale: true });
    expect(SETTINGS_SCHEMA.seed).toMatchObject({ kind: 'integer', min: 0, max: 2147483647 });
    expect(SETTINGS_SCHEMA.teacherEpochs).toMatchObject({ kind: 'integer', min: 1, max: 30 });
    expect(SETTINGS_SCHEMA.studentEpochs).toMatchObject({ kind: 'integer', min: 1, max: 50 });
    expect(SETTINGS_SCHEMA.evalEvery).toMatchObject({ kind: 'integer', min: 10, max: 5000 });
    expect(SETTINGS_SCHEMA.batchSize.options).toEqual([32, 64, 128, 256, 512]);
    expect(SETTINGS_SCHEMA.studentSize.options).toEqual(['800-800', '300-300', '30-30']);
    expect(SETTINGS_SCHEMA.backend.options).toEqual(['auto', 'webgpu', 'webgl', 'wasm', 'cpu']);
  });

  it('cannot be changed at run time through the defaults', () => {
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
  });

  it('infers the value type of each setting from its row', () => {
    expectTypeOf<Settings['temperature']>().toEqualTypeOf<number>();
    expectTypeOf<Settings['studentSize']>().toEqualTypeOf<StudentSize>();
    expectTypeOf<Settings['batchSize']>().toEqualTypeOf<number>();
    expectTypeOf<Settings['backend']>().toEqualTypeOf<BackendRequest>();
    expectTypeOf<Settings['logScale']>().toEqualTypeOf<boolean>();
    expectTypeOf<SettingKey>().toEqualTypeOf<(typeof SETTING_KEYS)[number]>();
  });
});

describe('engine views of the settings', () => {
  const s: Settings = {
    ...DEFAULT_SETTINGS,
    temperature: 4,
    alpha: 0.5,
    studentSize: '30-30',
    seed: 7,
    batchSize: 64,
    learningRate: 0.01,
    teacherEpochs: 3,
    studentEpochs: 9,
    evalEvery: 250,
  };

  it('toRecipe gives the default roster: the teacher, a distilled student and its hard-label twin', () => {
    const recipe = toRecipe(s);
    expect(recipe.seed).toBe(7);
    expect(recipe.schedule).toEqual({
      epochs: 9,
      batchSize: 64,
      learningRate: 0.01,
      evalEvery: 250,
    });
    expect(recipe.transfer).toEqual({
      digits: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      fraction: 1,
      labels: true,
    });
    expect(recipe.teachers).toEqual([
      {
        id: 'teacher',
        label: 'teacher',
        hidden: '1200-1200',
        source: { kind: 'pretrained', file: 'teacher', fallback: { epochs: 3, seed: 7 } },
      },
    ]);
    const [distilled, control] = recipe.learners;
    expect(distilled).toMatchObject({
      id: 'distilled',
      hidden: '30-30',
      init: { kind: 'seed', seed: 8 },
      objective: { id: 'hinton' },
      teachers: ['teacher'],
    });
    expect(control).toMatchObject({
      id: 'control',
      hidden: '30-30',
      init: { kind: 'copy', of: 'distilled' },
      objective: { id: 'hard' },
      teachers: [],
    });
    expect(toRecipe({ ...s, transferDigits: '0124' }).transfer.digits).toEqual([0, 1, 2, 4]);
  });

  it('toRecipe follows the loss mode and the teacher source', () => {
    expect(toRecipe({ ...s, lossMode: 'dkd' }).learners[0].objective).toEqual({ id: 'dkd' });
    expect(toRecipe({ ...s, teacherSource: 'train' }).teachers[0].source).toEqual({
      kind: 'train',
      training: { epochs: 3, seed: 7 },
    });
  });

  it('toLiveHyper picks exactly the temperature and alpha', () => {
    expect(toLiveHyper(s)).toEqual({ temperature: 4, alpha: 0.5 });
  });
});
