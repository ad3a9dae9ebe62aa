import { describe, expect, it } from 'vitest';
import type { Settings } from './settingsSchema.ts';
import { DEFAULT_SETTINGS } from './settingsSchema.ts';
import { clampSetting, parseSettings, serializeSettings } from './urlState.ts';

function messages(search: string): string[] {
  return parseSettings(search).notices.map((n) => n.message);
}

describe('parseSettings', () => {
  it('gives the defaults and no notices for an empty query string', () => {
    expect(parseSettings('')).toEqual({ settings: DEFAULT_SETTINGS, notices: [] });
    expect(parseSettings('?')).toEqual({ settings: DEFAULT_SETTINGS, notices: [] });
  });

  it('reads every setting by its URL key, with or without a leading question mark', () => {
    const search =
      '?T=4&alpha=0.5&student=30-30&seed=42&batch=64&lr=0.01&teacherEpochs=3&epochs=9&evalEvery=250&backend=wasm&log=1&embed=true';
    expect(parseSettings(search)).toEqual({
      settings: {
        ...DEFAULT_SETTINGS,
        temperature: 4,
        alpha: 0.5,
        studentSize: '30-30',
        seed: 42,
        batchSize: 64,
        learningRate: 0.01,
        teacherEpochs: 3,
        studentEpochs: 9,
        evalEvery: 250,
        backend: 'wasm',
        logScale: true,
        embed: true,
      },
      notices: [],
    });
    expect(parseSettings(search.slice(1)).settings.temperature).toBe(4);
  });

  it('applies a preset first and lets the URL override its values', () => {
    const { settings, notices } = parseSettings('?T=6&preset=missing-3');
    expect(notices).toEqual([]);
    expect(settings.preset).toBe('missing-3');
    expect(settings.transferDigits).toBe('012456789');
    expect(settings.biasClasses).toBe('3');
    expect(settings.temperature).toBe(6);
    // Going back to a default value that the preset changes must survive the round trip.
    const back = { ...settings, temperature: DEFAULT_SETTINGS.temperature };
    expect(parseSettings(serializeSettings(back)).settings).toEqual(back);
  });

  it('reads digit sets sorted and deduplicated, and refuses an empty transfer set', () => {
    expect(parseSettings('digits=9871').settings.transferDigits).toBe('1789');
    const empty = parseSettings('digits=');
    expect(empty.settings.transferDigits).toBe('0123456789');
    expect(empty.notices[0].message).toBe(
      'digits= names no digit 0–9; using the default 0123456789.',
    );
    const junk = parseSettings('biasClasses=3x');
    expect(junk.settings.biasClasses).toBe('3');
    expect(junk.notices[0].message).toMatch(/not digits; using 3\./);
    expect(parseSettings('biasClasses=').settings.biasClasses).toBe('');
  });

  it('accepts a URLSearchParams as well as a string', () => {
    const { settings } = parseSettings(new URLSearchParams({ T: '20', lr: '1e-4' }));
    expect(settings.temperature).toBe(20);
    expect(settings.learningRate).toBe(0.0001);
  });

  it('gives missing keys their defaults', () => {
    const { settings, notices } = parseSettings('T=3');
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, temperature: 3 });
    expect(notices).toEqual([]);
  });

  it('clamps a number above its maximum and says so', () => {
    const { settings, notices } = parseSettings('T=500');
    expect(settings.temperature).toBe(50);
    expect(notices).toEqual([
      {
        key: 'temperature',
        urlKey: 'T',
        raw: '500',
        message: 'T=500 is above the maximum 50; using 50.',
        detail: { kind: 'value', given: '500', why: { kind: 'aboveMax', limit: '50', used: '50' } },
      },
    ]);
  });

  it('clamps a number below its minimum and says so', () => {
    const { settings } = parseSettings('T=0.5&alpha=-1&lr=0.000001');
    expect(settings.temperature).toBe(1);
    expect(settings.alpha).toBe(0);
    expect(settings.learningRate).toBe(0.00001);
    expect(messages('T=0.5&alpha=-1&lr=0.000001')).toEqual([
      'T=0.5 is below the minimum 1; using 1.',
      'alpha=-1 is below the minimum 0; using 0.',
      'lr=0.000001 is below the minimum 0.00001; using 0.00001.',
    ]);
  });

  it('clamps integers too, after rounding them', () => {
    const { settings } = parseSettings('epochs=60.4&seed=-3&evalEvery=1');
    expect(settings.studentEpochs).toBe(50);
    expect(settings.seed).toBe(0);
    expect(settings.evalEvery).toBe(10);
    expect(messages('epochs=60.4')).toEqual(['epochs=60.4 is above the maximum 50; using 50.']);
  });

  it('drops a value that is not a number to the default and says so', () => {
    const { settings, notices } = parseSettings('T=hot&lr=0x10&seed=');
    expect(settings.temperature).toBe(8);
    expect(settings.learningRate).toBe(0.001);
    expect(settings.seed).toBe(1);
    expect(notices.map((n) => n.message)).toEqual([
      'T=hot is not a number; using the default 8.',
      'seed= is empty; using the default 1.',
      'lr=0x10 is not a number; using the default 0.001.',
    ]);
  });

  it('drops an unknown student size to the default with the documented notice', () => {
    const { settings, notices } = parseSettings('student=999');
    expect(settings.studentSize).toBe('800-800');
    expect(notices).toEqual([
      {
        key: 'studentSize',
        urlKey: 'student',
        raw: '999',
        message: 'student=999 is not one of 800-800, 300-300, 30-30; using the default 800-800.',
        detail: {
          kind: 'value',
          given: '999',
          why: {
            kind: 'fallback',
            problem: {
              kind: 'notOption',
              options: { listed: ['800-800', '300-300', '30-30'], total: 3 },
            },
            used: '800-800',
          },
        },
      },
    ]);
  });

  it('drops an unknown backend to auto and says so', () => {
    const { settings } = parseSettings('backend=metal');
    expect(settings.backend).toBe('auto');
    expect(messages('backend=metal')).toEqual([
      'backend=metal is not one of auto, webgpu, webgl, wasm, cpu; using the default auto.',
    ]);
  });

  it('matches string options regardless of case, without a notice', () => {
    expect(parseSettings('backend=WebGPU')).toEqual({
      settings: { ...DEFAULT_SETTINGS, backend: 'webgpu' },
      notices: [],
    });
  });

  it('rounds an integer that is not whole and says so', () => {
    const { settings, notices } = parseSettings('seed=41.6&teacherEpochs=2.2');
    expect(settings.seed).toBe(42);
    expect(settings.teacherEpochs).toBe(2);
    expect(notices.map((n) => n.message)).toEqual([
      'seed=41.6 is not a whole number; using 42.',
      'teacherEpochs=2.2 is not a whole number; using 2.',
    ]);
  });

  it('takes a whole number written with an exponent or a trailing .0 without a notice', () => {
    expect(parseSettings('seed=1e3&epochs=7.0')).toEqual({
      settings: { ...DEFAULT_SETTINGS, seed: 1000, studentEpochs: 7 },
      notices: [],
    });
  });

  it('snaps a batch size to the nearest allowed value and says so', () => {
    expect(parseSettings('batch=100').settings.batchSize).toBe(128);
    expect(messages('batch=100')).toEqual([
      'batch=100 is not one of 32, 64, 128, 256, 512; using the nearest, 128.',
    ]);
    expect(parseSettings('batch=70').settings.batchSize).toBe(64);
    expect(parseSettings('batch=1').settings.batchSize).toBe(32);
    expect(parseSettings('batch=100000').settings.batchSize).toBe(512);
  });

  it('snaps a batch size halfway between two options to the larger one', () => {
    expect(parseSettings('batch=96').settings.batchSize).toBe(128);
  });

  it('drops a batch size that is not a number to the default', () => {
    expect(parseSettings('batch=big').settings.batchSize).toBe(128);
    expect(messages('batch=big')).toEqual([
      'batch=big is not one of 32, 64, 128, 256, 512; using the default 128.',
    ]);
  });

  it('reads booleans written as 1, 0, true or false', () => {
    expect(parseSettings('log=1&embed=true').settings).toMatchObject({
      logScale: true,
      embed: true,
    });
    expect(parseSettings('log=0&embed=false').settings).toMatchObject({
      logScale: false,
      embed: false,
    });
    expect(parseSettings('log=TRUE').settings.logScale).toBe(true);
    expect(parseSettings('log=0').notices).toEqual([]);
  });

  it('reads a bare boolean flag such as ?embed as true', () => {
    expect(parseSettings('embed').settings.embed).toBe(true);
    expect(parseSettings('embed=').settings.embed).toBe(true);
  });

  it('drops a bad boolean to the default and says so', () => {
    const { settings } = parseSettings('embed=yes');
    expect(settings.embed).toBe(false);
    expect(messages('embed=yes')).toEqual([
      'embed=yes is not a boolean (1, 0, true or false); using the default false.',
    ]);
  });

  it('ignores an unknown key with a notice that has no setting key', () => {
    const { settings, notices } = parseSettings('foo=bar&T=4');
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, temperature: 4 });
    expect(settings).not.toHaveProperty('foo');
    expect(notices).toEqual([
      {
        key: null,
        urlKey: 'foo',
        raw: 'bar',
        message: 'Unknown setting "foo" ignored.',
        detail: { kind: 'unknownKey', given: 'foo' },
      },
    ]);
  });

  it('suggests the right key when an unknown key differs only in case', () => {
    expect(messages('t=4')).toEqual(['Unknown setting "t" ignored; did you mean "T"?']);
    expect(parseSettings('t=4').settings.temperature).toBe(8);
  });

  it('uses the last of repeated keys and says so', () => {
    const { settings } = parseSettings('T=4&T=6');
    expect(settings.temperature).toBe(6);
    expect(messages('T=4&T=6')).toEqual(['T is given 2 times; using the last, T=6.']);
  });

  it('decodes percent-encoded values', () => {
    expect(parseSettings('student=300%2D300').settings.studentSize).toBe('300-300');
  });

  it('never throws, whatever the query string', () => {
    const nasty = [
      '%',
      '%E0%A4%A',
      '&&&',
      '==',
      'T=%zz',
      '?T',
      'T=1=2',
      'alpha=NaN',
      '\u0000=\u0000',
    ];
    for (const search of nasty) {
      expect(() => parseSettings(search), search).not.toThrow();
    }
    expect(parseSettings('T=1=2').settings.temperature).toBe(8);
  });

  it('keeps stored precision: T to 4 significant digits, alpha to 2 decimals, and says so', () => {
    const { settings, notices } = parseSettings('T=7.0710678&alpha=0.123&lr=0.00123456');
    expect(settings.temperature).toBe(7.071);
    expect(settings.alpha).toBe(0.12);
    expect(settings.learningRate).toBe(0.001235);
    expect(notices.map((n) => n.message)).toEqual([
      'T=7.0710678 is rounded to 4 significant digits; using 7.071.',
      'alpha=0.123 is rounded to a step of 0.01; using 0.12.',
      'lr=0.00123456 is rounded to 4 significant digits; using 0.001235.',
    ]);
  });

  it('takes a number already on its stored precision without a notice', () => {
    expect(parseSettings('T=7.071&alpha=0.50&lr=1e-4&bias=-0').notices).toEqual([]);
  });

  it('quotes at most 40 characters of a long key or value in a notice', () => {
    const long = 'x'.repeat(10_000);
    const [value] = parseSettings(`T=${long}`).notices;
    expect(value.raw).toBe(long);
    expect(value.message).toBe(`T=${'x'.repeat(40)}… is not a number; using the default 8.`);
    const [key] = parseSettings(`${long}=1`).notices;
    expect(key.message).toBe(`Unknown setting "${'x'.repeat(40)}…" ignored.`);
    const [repeated] = parseSettings(`T=4&T=${long}`).notices;
    expect(repeated.message).toBe(`T is given 2 times; using the last, T=${'x'.repeat(40)}….`);
  });

  it('names only the first few presets when a preset is unknown', () => {
    expect(messages('preset=nope')).toEqual([
      'preset=nope is not one of none, hinton2015, small-student, missing-3, only-78, no-labels, … (16 in all); using the default none.',
    ]);
  });
});

describe('serializeSettings', () => {
  it('gives an empty query string for the defaults', () => {
    expect(serializeSettings(DEFAULT_SETTINGS)).toBe('');
    expect(serializeSettings({ ...DEFAULT_SETTINGS })).toBe('');
  });

  it('writes only values that differ from the defaults, in table order, without a leading ?', () => {
    const s: Settings = { ...DEFAULT_SETTINGS, embed: true, seed: 3, temperature: 20 };
    expect(serializeSettings(s)).toBe('T=20&seed=3&embed=1');
  });

  it('writes every setting but the preset when none is at its default', () => {
    const s: Settings = {
      lesson: 'none',
      lessonStep: 1,
      hide: 'charts,explore',
      theme: 'dark',
      lang: 'zh',
      lock: true,
      preset: 'none',
      teacherSource: 'train',
      transferDigits: '0129',
      transferFraction: 0.5,
      useLabels: false,
      biasClasses: '3',
      biasShift: 3.5,
      temperature: 2.5,
      alpha: 0.35,
      lossMode: 'logit-mse',
      ensembleRule: 'mean-logits',
      studentSize: '300-300',
      seed: 2147483647,
      batchSize: 512,
      learningRate: 0.00001,
      teacherEpochs: 30,
      studentEpochs: 1,
      evalEvery: 5000,
      backend: 'cpu',
      workers: '2',
      logScale: true,
      explore: 'sweep',
      embed: true,
    };
    expect(serializeSettings(s)).toBe(
      'T=2.5&alpha=0.35&loss=logit-mse&ensemble=mean-logits&student=300-300&seed=2147483647&batch=512&lr=0.00001&teacherEpochs=30&epochs=1&evalEvery=5000&backend=cpu&workers=2&teacher=train&digits=0129&fraction=0.5&labels=0&biasClasses=3&bias=3.5&log=1&explore=sweep&embed=1&hide=charts%2Cexplore&theme=dark&lang=zh&lock=1',
    );
  });

  it('writes numbers without float noise', () => {
    expect(serializeSettings({ ...DEFAULT_SETTINGS, alpha: 0.1 + 0.2 })).toBe('alpha=0.3');
    expect(serializeSettings({ ...DEFAULT_SETTINGS, alpha: 0.1000000001 })).toBe('');
    expect(serializeSettings({ ...DEFAULT_SETTINGS, alpha: 0.123456 })).toBe('alpha=0.12');
    expect(serializeSettings({ ...DEFAULT_SETTINGS, temperature: Math.sqrt(50) })).toBe('T=7.071');
    expect(serializeSettings({ ...DEFAULT_SETTINGS, learningRate: 0.003 * 3 })).toBe('lr=0.009');
    expect(serializeSettings({ ...DEFAULT_SETTINGS, learningRate: 1 / 3000 })).toBe('lr=0.0003333');
  });

  it('writes a value outside its range as the clamped value', () => {
    expect(serializeSettings({ ...DEFAULT_SETTINGS, temperature: 500, seed: 2.4 })).toBe(
      'T=50&seed=2',
    );
  });

  it('keeps keys of the existing query string that are not settings', () => {
    const existing = new URLSearchParams('utm_source=lms&T=4&course=cs101&embed=1');
    const s: Settings = { ...DEFAULT_SETTINGS, temperature: 12 };
    expect(serializeSettings(s, existing)).toBe('T=12&utm_source=lms&course=cs101');
  });

  it('drops settings of the existing query string that are now at their defaults', () => {
    expect(serializeSettings(DEFAULT_SETTINGS, new URLSearchParams('T=4&log=1'))).toBe('');
  });

  it('keeps repeated and encoded foreign keys as they were', () => {
    const existing = new URLSearchParams('tag=a&tag=b&q=x%26y');
    expect(serializeSettings(DEFAULT_SETTINGS, existing)).toBe('tag=a&tag=b&q=x%26y');
  });

  it('leaves the existing URLSearchParams unchanged', () => {
    const existing = new URLSearchParams('utm_source=lms&T=4');
    serializeSettings({ ...DEFAULT_SETTINGS, seed: 9 }, existing);
    expect(existing.toString()).toBe('utm_source=lms&T=4');
  });
});

describe('clampSetting', () => {
  it('clamps numbers to their range', () => {
    expect(clampSetting('temperature', 80)).toBe(50);
    expect(clampSetting('temperature', 0)).toBe(1);
    expect(clampSetting('learningRate', 1)).toBe(0.1);
    expect(clampSetting('alpha', -0.2)).toBe(0);
  });

  it('puts numbers on their stored precision', () => {
    expect(clampSetting('temperature', Math.sqrt(50))).toBe(7.071);
    expect(clampSetting('alpha', 0.1 + 0.2)).toBe(0.3);
  });

  it('rounds integers and snaps batch sizes', () => {
    expect(clampSetting('seed', 3.7)).toBe(4);
    expect(clampSetting('studentEpochs', 0)).toBe(1);
    expect(clampSetting('batchSize', 200)).toBe(256);
  });

  it('leaves valid values alone', () => {
    expect(clampSetting('studentSize', '30-30')).toBe('30-30');
    expect(clampSetting('backend', 'webgl')).toBe('webgl');
    expect(clampSetting('embed', true)).toBe(true);
    expect(clampSetting('temperature', 8)).toBe(8);
  });

  it('gives the default for a value the type system should have stopped', () => {
    expect(clampSetting('temperature', Number.NaN)).toBe(8);
    expect(clampSetting('seed', Number.POSITIVE_INFINITY)).toBe(1);
    expect(clampSetting('studentSize', 'huge' as Settings['studentSize'])).toBe('800-800');
  });
});
