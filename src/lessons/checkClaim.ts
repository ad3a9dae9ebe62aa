/**
 * Checks a lesson's claim against what the page knows of the run: settings, the roster, the
 * sample digits' logits, the latest test results and the classes seen in training. Pure: the
 * lesson panel calls it on every render; the unit tests call it on hand-made facts.
 */
import { NUM_CLASSES } from '../data/mnistAssets.ts';
import type { RosterEntry } from '../engine/protocol.ts';
import { softmaxAt } from '../kd/softmax.ts';
import { softTermGradient } from '../kd/softTermGradient.ts';
import type { Settings } from '../state/settingsSchema.ts';
import type { TestResults } from '../ui/results/useTestResults.ts';
import { MESSAGES_EN } from '../i18n/parts/messagesEn.ts';
import type { ClaimCheck } from './lessonTypes.ts';

export interface LessonFacts {
  settings: Settings;
  members: readonly RosterEntry[];
  /** Each member's logits on the sample digits (count × 10), by id. */
  sampleLogits: Readonly<Record<string, Float32Array>>;
  results: TestResults | null;
  /** Examples per class the learners have trained on so far. */
  seenClassCounts: readonly number[];
}

export type ClaimState = 'waiting' | 'holds' | 'not-yet';

/** One sentence of a result: its key among the claims' words, and the numbers in it. */
export interface ClaimWords {
  key: ClaimKey;
  /** A list's items are joined the page's way (messages.listSeparator). */
  values: Record<string, string | number | readonly string[]>;
}

export interface ClaimResult {
  state: ClaimState;
  /** What was measured, or what is still missing, in English words. */
  detail: string;
  /** The same as sentences to word in the page's language (t('messages.claims.<key>')). */
  words: ClaimWords[];
}

type ClaimKey = keyof typeof CLAIM_WORDS;
const CLAIM_WORDS = MESSAGES_EN.claims;

/** A sentence of the claims' words, in English. */
export function claimEnglish({ key, values }: ClaimWords): string {
  return CLAIM_WORDS[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    return Array.isArray(value) ? value.join(MESSAGES_EN.listSeparator) : String(value);
  });
}

const say = (key: ClaimKey, values: ClaimWords['values'] = {}): ClaimWords => ({ key, values });
const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
const waiting = (words: ClaimWords): ClaimResult => ({
  state: 'waiting',
  detail: claimEnglish(words),
  words: [words],
});
const judged = (holds: boolean, words: ClaimWords): ClaimResult => ({
  state: holds ? 'holds' : 'not-yet',
  detail: claimEnglish(words),
  words: [words],
});

function inRange(x: number, atLeast?: number, atMost?: number): boolean {
  return (atLeast === undefined || x >= atLeast) && (atMost === undefined || x <= atMost);
}

function teacherId(facts: LessonFacts): string {
  return facts.members.find((m) => m.role === 'teacher')?.id ?? 'teacher';
}

/** Mean over the sample digits of the k-th largest teacher probability at the current T. */
function teacherRank(facts: LessonFacts, k: number): number | undefined {
  const logits = facts.sampleLogits[teacherId(facts)];
  if (!logits || logits.length < NUM_CLASSES) return undefined;
  const count = Math.floor(logits.length / NUM_CLASSES);
  let sum = 0;
  for (let n = 0; n < count; n++) {
    const p = softmaxAt(
      logits.subarray(n * NUM_CLASSES, (n + 1) * NUM_CLASSES),
      facts.settings.temperature,
    );
    sum += [...p].sort((a, b) => b - a)[k];
  }
  return sum / count;
}

function errorsOf(facts: LessonFacts, id: string): number | undefined {
  return facts.results?.models[id]?.errors;
}

function labelOf(facts: LessonFacts, id: string): string {
  return facts.members.find((m) => m.id === id)?.label ?? id;
}

function recall(facts: LessonFacts, id: string, digit: number, shifted = true): number | undefined {
  const r = shifted
    ? facts.results?.models[id]
    : (facts.results?.unshifted[id] ?? facts.results?.models[id]);
  if (!r || !(r.countPerClass[digit] > 0)) return undefined;
  return 1 - r.perClassErrors[digit] / r.countPerClass[digit];
}

const NO_EVALUATION = say('noEvaluation');

export function checkClaim(check: ClaimCheck, facts: LessonFacts): ClaimResult {
  switch (check.kind) {
    case 'teacherPeak':
    case 'teacherRunnerUp': {
      const value = teacherRank(facts, check.kind === 'teacherPeak' ? 0 : 1);
      if (value === undefined) return waiting(say('waitingSoftTargets'));
      const atMost = check.kind === 'teacherPeak' ? check.atMost : undefined;
      const T = facts.settings.temperature;
      return judged(
        inRange(value, check.atLeast, atMost),
        say(check.kind === 'teacherPeak' ? 'teacherTop' : 'teacherRunnerUp', {
          T,
          percent: percent(value),
        }),
      );
    }
    case 'setting': {
      const value = facts.settings[check.key];
      return judged(
        inRange(value, check.atLeast, check.atMost),
        say(check.key === 'biasShift' ? 'biasShiftIs' : 'settingIs', {
          name: check.key === 'alpha' ? 'α' : 'T',
          value,
        }),
      );
    }
    case 'fewerErrors': {
      const mine = errorsOf(facts, check.member);
      const others = check.than.map((id) => errorsOf(facts, id));
      if (mine === undefined || others.some((e) => e === undefined)) return waiting(NO_EVALUATION);
      const list = check.than.map((id, k) => `${labelOf(facts, id)} ${others[k]}`);
      return judged(
        others.every((e) => mine < (e ?? 0)),
        say('testErrors', { member: labelOf(facts, check.member), errors: mine, list }),
      );
    }
    case 'classRecall': {
      const value = recall(facts, check.member, check.digit);
      if (value === undefined) return waiting(NO_EVALUATION);
      return judged(
        value >= check.atLeast,
        say('recognises', {
          member: labelOf(facts, check.member),
          percent: percent(value),
          digit: check.digit,
        }),
      );
    }
    case 'neverSeen': {
      const seen = facts.seenClassCounts.reduce((a, b) => a + b, 0);
      const mine = facts.seenClassCounts[check.digit] ?? 0;
      if (seen < check.minSeen && mine === 0)
        return waiting(
          say('trainOn', {
            minSeen: check.minSeen.toLocaleString('en'),
            seen: seen.toLocaleString('en'),
          }),
        );
      return judged(
        mine === 0,
        say('seenOf', { mine, seen: seen.toLocaleString('en'), digit: check.digit }),
      );
    }
    case 'biasHelps': {
      const before = recall(facts, check.member, check.digit, false);
      const after = recall(facts, check.member, check.digit);
      if (before === undefined || after === undefined) return waiting(NO_EVALUATION);
      const shift = facts.settings.biasShift;
      return judged(
        after > before,
        say('recognisedShift', {
          digit: check.digit,
          before: percent(before),
          after: percent(after),
          shift: `${shift >= 0 ? '+' : ''}${shift}`,
        }),
      );
    }
    case 'limitGap': {
      const learner = facts.members.find((m) => m.role === 'learner' && m.teachers.length > 0);
      const z = learner && facts.sampleLogits[learner.id];
      const v = learner && facts.sampleLogits[learner.teachers[0]];
      const at = check.sample * NUM_CLASSES;
      if (!z || !v || z.length < at + NUM_CLASSES || v.length !== z.length)
        return waiting(say('waitingLogits'));
      const row = (l: Float32Array) => l.subarray(at, at + NUM_CLASSES);
      const T = facts.settings.temperature;
      const gap = softTermGradient(row(z), row(v), T, facts.settings.alpha).relativeDistance;
      return judged(
        inRange(gap, check.atLeast, check.atMost),
        say('gradientGap', { T, percent: percent(gap) }),
      );
    }
    case 'teacherEvaluated': {
      const errors = errorsOf(facts, teacherId(facts));
      if (errors === undefined) return waiting(say('waitingTeacher'));
      return judged(
        true,
        say('teacherErrors', {
          errors,
          testSize: facts.results?.testSize.toLocaleString('en') ?? '',
        }),
      );
    }
    case 'all': {
      const parts = check.of.map((c) => checkClaim(c, facts));
      const state: ClaimState = parts.some((p) => p.state === 'waiting')
        ? 'waiting'
        : parts.every((p) => p.state === 'holds')
          ? 'holds'
          : 'not-yet';
      return {
        state,
        detail: parts.map((p) => p.detail).join(' '),
        words: parts.flatMap((p) => p.words),
      };
    }
  }
}
