/**
 * The status line's words: the engine reports what it does as data (Phase, Progress); these say
 * it the way a learner reads it, with the roster's names. The words come from a translation
 * function (the page passes i18next's t); without one they are the English of the status part.
 */
import type { Phase, Progress, RosterEntry } from '../../engine/protocol.ts';
import { statusPart } from '../../i18n/parts/status.ts';

type Named = Pick<RosterEntry, 'id' | 'label' | 'role' | 'stage' | 'trains'>;

/** A key of the page's words, with the values of its {{placeholders}}: i18next's t fits. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

const ENGLISH: Record<string, unknown> = { status: statusPart.en };

/** English straight from the status part, without i18next: what the page has always said. */
export const english: Translate = (key, values) => {
  const text = key
    .split('.')
    .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], ENGLISH);
  if (typeof text !== 'string') return key;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values?.[name] ?? ''));
};

const count = (n: number) => n.toLocaleString('en-US');
const percent = (p: Progress, t: Translate) =>
  p.total > 0
    ? t('status.progress.percent', {
        percent: Math.min(100, Math.floor((100 * p.done) / p.total)),
      })
    : '';
/** Loading reports no progress until it has some. */
const loadingPercent = (p: Progress, t: Translate) =>
  p.done > 0 && p.done < p.total ? percent(p, t) : '';

function named(ids: readonly string[], members: readonly Named[]): Named[] {
  return ids.flatMap((id) => members.filter((m) => m.id === id));
}

/** "the teacher", "2 teachers", "3 students", "2 models". */
function who(ids: readonly string[], members: readonly Named[], t: Translate): string {
  const found = named(ids, members);
  if (found.length === 1) return t('status.who.one', { label: found[0].label });
  const n = Math.max(found.length, ids.length);
  if (found.length > 0 && found.every((m) => m.role === 'teacher'))
    return t('status.who.teachers', { n });
  if (found.length > 0 && found.every((m) => m.role === 'learner'))
    return t('status.who.students', { n });
  return t('status.who.models', { n });
}

/** "caching the teacher's outputs on …", "caching 2 teachers' outputs on …". */
function caching(p: Progress, members: readonly Named[], t: Translate): string {
  const found = named(p.members, members);
  const values = { n: count(p.total), percent: percent(p, t) };
  if (found.length === 1)
    return t('status.progress.cachingOne', { ...values, label: found[0].label });
  return found.length > 1
    ? t('status.progress.cachingMany', { ...values, teachers: found.length })
    : t('status.progress.cachingAll', values);
}

/** What the engine is doing, with its progress, e.g. "training the teacher: epoch 1.25 of 2". */
export function progressWords(
  p: Progress,
  members: readonly Named[],
  t: Translate = english,
): string {
  switch (p.activity) {
    case 'starting':
      return t('status.progress.starting');
    case 'loading-test':
      return t('status.progress.loadingTest', { percent: loadingPercent(p, t) });
    case 'loading-train':
      return t('status.progress.loadingTrain', { percent: loadingPercent(p, t) });
    case 'ready':
      return '';
    case 'training':
      return t('status.progress.training', {
        who: who(p.members, members, t),
        done: p.done.toFixed(2),
        total: Number(p.total.toFixed(2)),
      });
    case 'caching':
      return caching(p, members, t);
    case 'evaluating':
      return t('status.progress.evaluating', { n: count(p.total), percent: percent(p, t) });
    case 'done':
      return t('status.progress.done');
  }
}

/** The learners training now: those of the stage in progress that can train. */
function learnersNow(progress: Progress | undefined, members: readonly Named[]): number {
  const active = named(progress?.members ?? [], members).filter((m) => m.role === 'learner');
  const stage = active.length > 0 ? Math.max(...active.map((m) => m.stage)) : 0;
  return members.filter((m) => m.role === 'learner' && m.trains && m.stage === stage).length;
}

/** The phase pill: "training the teacher", "distilling: both students training". */
export function phaseWords(
  phase: Phase,
  progress: Progress | undefined,
  members: readonly Named[],
  t: Translate = english,
): string {
  switch (phase) {
    case 'starting':
      return t('status.phase.starting');
    case 'loading':
      return t('status.phase.loading');
    case 'ready':
      return t('status.phase.ready');
    case 'teachers': {
      const teachers = named(progress?.members ?? [], members).filter((m) => m.role === 'teacher');
      return t(teachers.length > 1 ? 'status.phase.teachers' : 'status.phase.teacher');
    }
    case 'caching':
      return t(
        members.filter((m) => m.role === 'teacher').length > 1
          ? 'status.phase.cachingTeachers'
          : 'status.phase.cachingTeacher',
      );
    case 'learners': {
      const n = learnersNow(progress, members);
      return n === 2
        ? t('status.phase.bothStudents')
        : n === 1
          ? t('status.phase.oneStudent')
          : t('status.phase.students', { n });
    }
    case 'done':
      return t('status.phase.done');
  }
}
