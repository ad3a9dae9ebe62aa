/**
 * Property-based fuzzing of the query string ⇄ Settings mapping (fast-check). Every property is
 * seeded, so a failure prints a counterexample that reproduces on any machine.
 */
import fc from 'fast-check';
import { clampStep, lessonById } from '../lessons/lessonSettings.ts';
import { describe, expect, it } from 'vitest';
import { i18next } from '../i18n/i18n.ts';
import { noticeText } from '../ui/useUrlSettings.ts';
import { parseDecimal, quantize } from './numberFormat.ts';
import type { SettingSpec } from './schemaTypes.ts';
import type { Settings, SettingKey } from './settingsSchema.ts';
import { SETTING_KEYS, SETTINGS_SCHEMA } from './settingsSchema.ts';
import { parseSettings, serializeSettings } from './urlState.ts';

const RUNS = 1000;
/** The longest notice we accept, in characters (code points): one line of the page. */
const MAX_MESSAGE = 200;

const charCount = (text: string) => Array.from(text).length;

const URL_KEYS = SETTING_KEYS.map((k) => SETTINGS_SCHEMA[k].urlKey);
const KEY_BY_URL_KEY = new Map(SETTING_KEYS.map((k) => [SETTINGS_SCHEMA[k].urlKey, k]));

const POLLUTING_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  '__proto__[polluted]',
  'constructor[prototype][polluted]',
  'hasOwnProperty',
  'toString',
  'valueOf',
];

const PERCENT_GARBAGE = ['%', '%2', '%zz', '%E0%A4%A', '%00', '%C3%28', '%ED%A0%80', '%FF', '%%'];

/** Text of every kind: ASCII, graphemes, full unicode and lone surrogates. */
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme-composite' }),
);

/** 10,000 characters or more, from a short repeated piece. */
const hugeText = fc
  .tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }), fc.nat({ max: 500 }))
  .map(([piece, extra]) => piece.repeat(Math.ceil(10_000 / piece.length) + extra));

const percentGarbage = fc
  .array(fc.oneof(fc.constantFrom(...PERCENT_GARBAGE), fc.string({ maxLength: 3 })), {
    maxLength: 8,
  })
  .map((parts) => parts.join(''));

/** Plausible values: options in any case, numbers of any size, padding, signs and exponents. */
const likelyValue = fc.oneof(
  fc.constantFrom(...SETTING_KEYS.flatMap((k) => optionsOf(SETTINGS_SCHEMA[k]).map(String))),
  fc.constantFrom('', ' ', '1', '0', 'true', 'FALSE', 'NaN', 'Infinity', '-0', '1e400', '0x10'),
  fc.double().map(String),
  fc.integer().map(String),
  fc.double({ min: -100, max: 100, noNaN: true }).map((d) => ` ${d.toFixed(5)} `),
  fc.stringMatching(/^[+-]?\d{0,4}\.?\d{0,6}(e[+-]?\d{1,3})?$/),
  fc.stringMatching(/^[0-9, x]{0,14}$/),
);

const anyValue = fc.oneof(
  { arbitrary: likelyValue, weight: 4 },
  { arbitrary: anyText, weight: 2 },
  { arbitrary: percentGarbage, weight: 1 },
  { arbitrary: hugeText, weight: 1 },
);

const anyKey = fc.oneof(
  { arbitrary: fc.constantFrom(...URL_KEYS), weight: 6 },
  { arbitrary: fc.constantFrom(...URL_KEYS).map((k) => k.toUpperCase()), weight: 1 },
  { arbitrary: fc.constantFrom(...POLLUTING_KEYS), weight: 2 },
  { arbitrary: anyText, weight: 1 },
  { arbitrary: hugeText, weight: 1 },
);

const pairs = fc.array(fc.tuple(anyKey, anyValue), { maxLength: 12 });

/** encodeURIComponent, except that a lone surrogate (which it refuses) goes in as it is. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A query string as a browser might hand it over: encoded, raw, or bare keys, maybe with '?'. */
const queryString = fc.oneof(
  fc.tuple(pairs, fc.boolean(), fc.boolean()).map(([ps, encoded, question]) => {
    const body = ps
      .map(([k, v]) => (encoded ? `${encode(k)}=${encode(v)}` : `${k}=${v}`))
      .join('&');
    return question ? `?${body}` : body;
  }),
  anyText,
  percentGarbage,
  hugeText,
);

function optionsOf(spec: SettingSpec): readonly (string | number)[] {
  return spec.kind === 'enum' ? spec.options : [];
}

function asParams(ps: [string, string][]): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of ps) params.append(k, v);
  return params;
}

/** Whether `value` is a valid value of `spec`: in range, on its precision, one of its options. */
function isValid(spec: SettingSpec, value: unknown): boolean {
  switch (spec.kind) {
    case 'number':
      return (
        typeof value === 'number' &&
        Number.isFinite(value) &&
        value >= spec.min &&
        value <= spec.max &&
        quantize(spec, value) === value
      );
    case 'integer':
      return (
        typeof value === 'number' &&
        Number.isInteger(value) &&
        value >= spec.min &&
        value <= spec.max
      );
    case 'enum':
      return (spec.options as readonly unknown[]).includes(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'digits':
      return (
        typeof value === 'string' &&
        /^0?1?2?3?4?5?6?7?8?9?$/.test(value) &&
        (spec.allowEmpty || value !== '')
      );
    case 'names':
      // Known names, in option order, each once.
      return (
        typeof value === 'string' &&
        (value === '' ||
          value.split(',').every((w, i, ws) => {
            const at = spec.options.indexOf(w);
            return at >= 0 && (i === 0 || spec.options.indexOf(ws[i - 1]) < at);
          }))
      );
  }
}

/**
 * Whether the parser may take `raw` as given, without a notice: an independent reading of what
 * each kind of row accepts. `value` is what it made of it.
 */
function takenAsGiven(spec: SettingSpec, raw: string, value: unknown): boolean {
  const text = raw.trim();
  switch (spec.kind) {
    case 'number':
    case 'integer':
      return parseDecimal(text) === value;
    case 'enum':
      return typeof spec.default === 'number'
        ? parseDecimal(text) === value
        : spec.options.some((o) => String(o).toLowerCase() === text.toLowerCase());
    case 'boolean':
      return ['', '1', '0', 'true', 'false'].includes(text.toLowerCase());
    case 'digits':
      return !/[^0-9,\s]/.test(text) && (spec.allowEmpty || /[0-9]/.test(text));
    case 'names':
      return text
        .split(/[\s,]+/)
        .filter((w) => w !== '')
        .every((w) => spec.options.some((o) => o.toLowerCase() === w.toLowerCase()));
  }
}

describe('parseSettings under fuzzing', () => {
  it('never throws, whatever the query string', () => {
    fc.assert(
      fc.property(queryString, (search) => {
        parseSettings(search);
      }),
      { seed: 20240101, numRuns: RUNS },
    );
  });

  it('gives only valid values, exactly the schema’s keys, and pollutes no prototype', () => {
    fc.assert(
      fc.property(fc.oneof(queryString, pairs.map(asParams)), (search) => {
        const { settings } = parseSettings(search);
        expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
        expect(Object.keys(settings)).toEqual(SETTING_KEYS);
        for (const key of SETTING_KEYS) {
          expect(isValid(SETTINGS_SCHEMA[key], settings[key]), `${key}=${settings[key]}`).toBe(
            true,
          );
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
      { seed: 20240102, numRuns: RUNS },
    );
  });

  it('gives one short notice per value it adjusts or rejects, and none for one it takes', () => {
    fc.assert(
      fc.property(pairs, (ps) => {
        const { settings, notices } = parseSettings(asParams(ps));
        for (const n of notices) {
          expect(charCount(n.message), n.message.slice(0, 300)).toBeLessThanOrEqual(MAX_MESSAGE);
          expect(n.message).not.toBe('');
        }
        const unknown = ps.filter(([k]) => !KEY_BY_URL_KEY.has(k));
        expect(notices.filter((n) => n.key === null)).toHaveLength(unknown.length);
        for (const key of SETTING_KEYS) {
          const spec = SETTINGS_SCHEMA[key];
          const given = ps.filter(([k]) => k === spec.urlKey).map(([, v]) => v);
          const mine = notices.filter((n) => n.key === key);
          if (given.length === 0) {
            expect(mine).toEqual([]);
            continue;
          }
          const last = given[given.length - 1];
          const repeated = given.length > 1 ? 1 : 0;
          const adjusted = takenAsGiven(spec, last, settings[key]) ? 0 : 1;
          expect(mine, `${spec.urlKey}=${last.slice(0, 60)}`).toHaveLength(repeated + adjusted);
          for (const n of mine) expect(n.raw).toBe(last);
        }
      }),
      { seed: 20240103, numRuns: RUNS },
    );
  });

  it('shortens a 10,000-character value or key in the notice with an ellipsis', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...URL_KEYS, 'nope'),
        hugeText.filter((t) => t.trim().length > 100),
        fc.boolean(),
        (urlKey, huge, asKey) => {
          const params = asKey
            ? asParams([[huge, '1']])
            : asParams([
                [urlKey, 'x'],
                [urlKey, huge],
              ]);
          const { notices } = parseSettings(params);
          expect(notices.length).toBeGreaterThan(0);
          for (const n of notices) {
            expect(charCount(n.message)).toBeLessThanOrEqual(MAX_MESSAGE);
            // An unknown key's notice quotes the key, not its value.
            const quotesHuge = n.urlKey === huge || (n.key !== null && n.raw === huge);
            if (quotesHuge) expect(n.message).toContain('…');
          }
          expect(notices.some((n) => n.message.includes('…'))).toBe(urlKey !== 'nope' || asKey);
        },
      ),
      { seed: 20240104, numRuns: RUNS },
    );
  });

  it('says so when it rounds a number onto its stored precision', () => {
    const numberKeys = SETTING_KEYS.filter((k) => SETTINGS_SCHEMA[k].kind === 'number');
    fc.assert(
      fc.property(
        fc.constantFrom(...numberKeys),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (key, t) => {
          const spec = SETTINGS_SCHEMA[key];
          if (spec.kind !== 'number') return;
          const asked = spec.min + t * (spec.max - spec.min);
          const { settings, notices } = parseSettings(asParams([[spec.urlKey, String(asked)]]));
          if (settings[key] === asked) {
            expect(notices).toEqual([]);
          } else {
            expect(notices).toHaveLength(1);
            expect(notices[0].message).toMatch(/round/);
            expect(notices[0].message).toContain(`using ${String(settings[key])}.`);
          }
        },
      ),
      { seed: 20240105, numRuns: RUNS },
    );
    expect(parseSettings('alpha=0.555').settings.alpha).toBe(0.56);
    expect(parseSettings('alpha=0.555').notices.map((n) => n.message)).toEqual([
      'alpha=0.555 is rounded to a step of 0.01; using 0.56.',
    ]);
  });
});

/** A valid value of each row, drawn from the row's own range and options. */
function validValue(spec: SettingSpec): fc.Arbitrary<Settings[SettingKey]> {
  switch (spec.kind) {
    case 'number':
      return fc
        .double({ min: spec.min, max: spec.max, noNaN: true })
        .map((v) => Math.min(spec.max, Math.max(spec.min, quantize(spec, v))) + 0);
    case 'integer':
      return fc.integer({ min: spec.min, max: spec.max });
    case 'enum':
      return fc.constantFrom(...spec.options) as fc.Arbitrary<Settings[SettingKey]>;
    case 'boolean':
      return fc.boolean();
    case 'digits':
      return fc
        .subarray([...'0123456789'], { minLength: spec.allowEmpty ? 0 : 1 })
        .map((ds) => ds.join(''));
    case 'names':
      return fc.subarray([...spec.options]).map((ns) => ns.join(','));
  }
}

/** Valid settings: each row in its range, and the lesson step within its lesson's steps. */
const validSettings = (
  fc.record(
    Object.fromEntries(SETTING_KEYS.map((k) => [k, validValue(SETTINGS_SCHEMA[k])])) as {
      [K in SettingKey]: fc.Arbitrary<Settings[K]>;
    },
  ) as fc.Arbitrary<Settings>
).map((s) => {
  const lesson = lessonById(s.lesson);
  return { ...s, lessonStep: lesson ? clampStep(lesson, s.lessonStep) : 1 };
});

describe('serializeSettings then parseSettings under fuzzing', () => {
  it('is the identity on valid settings, without notices', () => {
    fc.assert(
      fc.property(validSettings, (s) => {
        expect(parseSettings(serializeSettings(s))).toEqual({ settings: s, notices: [] });
      }),
      { seed: 20240106, numRuns: RUNS },
    );
  });

  it('keeps foreign keys of the existing query string and still reads back the settings', () => {
    fc.assert(
      fc.property(validSettings, pairs, (s, existing) => {
        const query = serializeSettings(s, asParams(existing));
        expect(parseSettings(query).settings).toEqual(s);
        const foreign = (params: URLSearchParams) =>
          [...params].filter(([k]) => !KEY_BY_URL_KEY.has(k));
        expect(foreign(new URLSearchParams(query))).toEqual(foreign(asParams(existing)));
      }),
      { seed: 20240107, numRuns: RUNS },
    );
  });
});

/** One query string for each kind of notice and of reason a value is not taken as given. */
const EVERY_KIND = [
  'foo=bar',
  't=4',
  'T=4&T=6',
  'T=500',
  'T=0.5',
  'seed=41.6',
  'alpha=0.555',
  'lr=0.00123456',
  'batch=100',
  'T=',
  'T=hot',
  'student=999',
  'preset=nope',
  'digits=x',
  'embed=yes',
  'biasClasses=3x',
  'biasClasses=x',
  'hide=foo',
  'hide=foo,bar,charts',
  'lesson=missing-3&step=9',
  'lesson=missing-3&step=x',
  'step=3',
];

describe('the notices in the page’s languages', () => {
  const en = i18next.getFixedT('en');
  const zh = i18next.getFixedT('zh');

  it('words every notice in English exactly as its message', () => {
    fc.assert(
      fc.property(fc.oneof(queryString, pairs.map(asParams)), (search) => {
        for (const n of parseSettings(search).notices)
          expect(noticeText(n, en, 'en')).toBe(n.message);
      }),
      { seed: 20240108, numRuns: RUNS },
    );
    for (const query of EVERY_KIND) {
      const { notices } = parseSettings(query);
      expect(notices.length, query).toBeGreaterThan(0);
      for (const n of notices) expect(noticeText(n, en, 'en')).toBe(n.message);
    }
  });

  it('words every kind of notice in Chinese, keeping keys, values and numbers', () => {
    const words = EVERY_KIND.flatMap((query) =>
      parseSettings(query).notices.map((n) => noticeText(n, zh, 'zh')),
    );
    for (const text of words) {
      expect(text).not.toMatch(
        /\b(using|ignored|is not|names?|steps|significant|in all|default|nearest|maximum|minimum)\b/,
      );
    }
    expect(words).toContain('T=500 超过最大值 50，改用 50。');
    expect(words).toContain('未知的设置“t”，已忽略；你是不是想写“T”？');
    expect(words).toContain('alpha=0.555 已舍入（步长 0.01），改用 0.56。');
    expect(words).toContain('biasClasses=x 含有非数字的字符，改用：无。');
    expect(words).toContain('step=9：课程“消失的 3”只有 2 步；改用第 2 步。');
  });
});
