import { describe, expect, it } from 'vitest';
import type { RosterEntry } from '../engine/protocol.ts';
import { DEFAULT_SETTINGS, type Settings } from '../state/settingsSchema.ts';
import type { ModelResult, TestResults } from '../ui/results/useTestResults.ts';
import { checkClaim, type LessonFacts } from './checkClaim.ts';

const member = (id: string, role: RosterEntry['role'], teachers: string[] = []): RosterEntry => ({
  id,
  role,
  label: id,
  color: '#000',
  parameters: 0,
  architecture: '',
  origin: role === 'teacher' ? 'pretrained' : 'distilled',
  lossTerms: [],
  teachers,
  trains: true,
  stage: 0,
  biasAdjustable: false,
});

const MEMBERS = [member('teacher', 'teacher'), member('distilled', 'learner', ['teacher'])];

/** Errors per class out of 100 test digits of each class. */
function result(errors: number, perClass: number[] = new Array(10).fill(errors / 10)): ModelResult {
  return {
    epoch: 1,
    errors,
    perClassErrors: perClass,
    countPerClass: new Array(10).fill(100),
    omittedErrors: 0,
    omittedCount: 0,
    confusion: [],
  };
}

function facts(over: Partial<LessonFacts> = {}, settings: Partial<Settings> = {}): LessonFacts {
  return {
    settings: { ...DEFAULT_SETTINGS, ...settings },
    members: MEMBERS,
    sampleLogits: {},
    results: null,
    seenClassCounts: new Array(10).fill(0),
    ...over,
  };
}

// One sample digit whose logits are ln 9 for class 0 and 0 for the other nine: at T = 1 the top
// probability is 9 / (9 + 9) = 0.5 and the runner-up 1/18; at T = 2, 3 / (3 + 9) = 0.25.
const LN9 = Math.log(9);
const teacherLogits = Float32Array.from([LN9, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

describe('checkClaim', () => {
  it('measures the teacher’s top and runner-up probabilities at the current T', () => {
    const f1 = facts({ sampleLogits: { teacher: teacherLogits } }, { temperature: 1 });
    expect(checkClaim({ kind: 'teacherPeak', atLeast: 0.49 }, f1)).toMatchObject({
      state: 'holds',
      detail: 'At T = 1, the teacher’s top class gets 50.0% on average.',
    });
    expect(checkClaim({ kind: 'teacherPeak', atLeast: 0.51 }, f1).state).toBe('not-yet');
    const f2 = facts({ sampleLogits: { teacher: teacherLogits } }, { temperature: 2 });
    expect(checkClaim({ kind: 'teacherPeak', atMost: 0.25 + 1e-6 }, f2).state).toBe('holds');
    expect(checkClaim({ kind: 'teacherRunnerUp', atLeast: 1 / 12 - 1e-6 }, f2).state).toBe('holds');
    expect(checkClaim({ kind: 'teacherRunnerUp', atLeast: 1 / 12 + 1e-6 }, f2).state).toBe(
      'not-yet',
    );
  });

  it('waits for data it does not have yet', () => {
    expect(checkClaim({ kind: 'teacherPeak', atLeast: 0.9 }, facts()).state).toBe('waiting');
    const check = { kind: 'fewerErrors', member: 'distilled', than: ['control'] } as const;
    expect(checkClaim(check, facts()).detail).toBe('Train until the first test evaluation.');
  });

  it('compares test errors, naming each', () => {
    const results: TestResults = {
      testSize: 1000,
      omitted: [],
      models: { distilled: result(30), control: result(40), other: result(20) },
      unshifted: {},
    };
    const f = facts({ results });
    expect(
      checkClaim({ kind: 'fewerErrors', member: 'distilled', than: ['control'] }, f),
    ).toMatchObject({
      state: 'holds',
      detail: 'Test errors: distilled 30; control 40.',
    });
    const both = { kind: 'fewerErrors', member: 'distilled', than: ['control', 'other'] } as const;
    expect(checkClaim(both, f).state).toBe('not-yet');
  });

  it('reads recall on one class, and whether the bias shift raised it', () => {
    const perClass = [0, 0, 0, 40, 0, 0, 0, 0, 0, 0];
    const results: TestResults = {
      testSize: 1000,
      omitted: [3],
      models: { distilled: result(10, [0, 0, 0, 10, 0, 0, 0, 0, 0, 0]) },
      unshifted: { distilled: result(40, perClass) },
    };
    const f = facts({ results }, { biasShift: 3.5 });
    expect(
      checkClaim({ kind: 'classRecall', member: 'distilled', digit: 3, atLeast: 0.9 }, f),
    ).toMatchObject({
      state: 'holds',
      detail: 'distilled recognises 90.0% of the test 3s.',
    });
    expect(checkClaim({ kind: 'biasHelps', member: 'distilled', digit: 3 }, f)).toMatchObject({
      state: 'holds',
      detail: '3s recognised: 60.0% without the shift, 90.0% with +3.5.',
    });
  });

  it('checks that a class was never trained on, after enough examples', () => {
    const seen = [600, 600, 600, 0, 600, 600, 600, 600, 600, 600];
    const check = { kind: 'neverSeen', digit: 3, minSeen: 5000 } as const;
    expect(checkClaim(check, facts({ seenClassCounts: seen })).state).toBe('holds');
    expect(checkClaim(check, facts({ seenClassCounts: seen.map((n) => n / 2) })).state).toBe(
      'waiting',
    );
    expect(checkClaim(check, facts({ seenClassCounts: seen.map(() => 600) })).state).toBe(
      'not-yet',
    );
  });

  it('measures the gap to the high-T limit from the learner’s and teacher’s logits', () => {
    // Student logits 0, teacher logits with mean 0: at T = 1000 the exact gradient
    // T·(q − p) ≈ (z − v)/K, the limit, to within about |v|/T.
    const v = Float32Array.from([2, -2, 1, -1, 0, 0, 0, 0, 0, 0]);
    const f = (T: number) =>
      facts({ sampleLogits: { teacher: v, distilled: new Float32Array(10) } }, { temperature: T });
    const check = { kind: 'limitGap', sample: 0, atMost: 0.01 } as const;
    expect(checkClaim(check, f(1000)).state).toBe('holds');
    expect(checkClaim(check, f(1)).state).toBe('not-yet');
  });

  it('combines parts: all must hold; any waiting part makes the whole wait', () => {
    const f = facts({ sampleLogits: { teacher: teacherLogits } }, { temperature: 8 });
    const t8 = { kind: 'setting', key: 'temperature', atLeast: 8 } as const;
    expect(checkClaim({ kind: 'all', of: [t8, { kind: 'teacherPeak', atMost: 1 }] }, f).state).toBe(
      'holds',
    );
    expect(checkClaim({ kind: 'all', of: [t8, { kind: 'teacherEvaluated' }] }, f).state).toBe(
      'waiting',
    );
    const t9 = { kind: 'setting', key: 'temperature', atLeast: 9 } as const;
    expect(checkClaim({ kind: 'all', of: [t9, { kind: 'teacherPeak', atMost: 1 }] }, f).state).toBe(
      'not-yet',
    );
  });
});
