/**
 * The status line's words: the engine reports what it does as data (Phase, Progress); these say
 * it the way a learner reads it, with the roster's names.
 */
import type { Phase, Progress, RosterEntry } from '../../engine/protocol.ts';

type Named = Pick<RosterEntry, 'id' | 'label' | 'role' | 'stage' | 'trains'>;

const count = (n: number) => n.toLocaleString('en-US');
const percent = (p: Progress) =>
  p.total > 0 ? `: ${Math.min(100, Math.floor((100 * p.done) / p.total))}%` : '';
/** Loading reports no progress until it has some. */
const loadingPercent = (p: Progress) => (p.done > 0 && p.done < p.total ? percent(p) : '');

function named(ids: readonly string[], members: readonly Named[]): Named[] {
  return ids.flatMap((id) => members.filter((m) => m.id === id));
}

/** "the teacher", "2 teachers", "3 students", "2 models". */
function who(ids: readonly string[], members: readonly Named[]): string {
  const found = named(ids, members);
  if (found.length === 1) return `the ${found[0].label}`;
  const n = Math.max(found.length, ids.length);
  if (found.length > 0 && found.every((m) => m.role === 'teacher')) return `${n} teachers`;
  if (found.length > 0 && found.every((m) => m.role === 'learner')) return `${n} students`;
  return `${n} models`;
}

/** "the teacher's", "2 teachers'". */
function whose(ids: readonly string[], members: readonly Named[]): string {
  const found = named(ids, members);
  if (found.length === 1) return `the ${found[0].label}’s`;
  return found.length > 1 ? `${found.length} teachers’` : 'the teachers’';
}

/** What the engine is doing, with its progress, e.g. "training the teacher: epoch 1.25 of 2". */
export function progressWords(p: Progress, members: readonly Named[]): string {
  switch (p.activity) {
    case 'starting':
      return 'choosing a backend';
    case 'loading-test':
      return `loading the test digits${loadingPercent(p)}`;
    case 'loading-train':
      return `loading the 60,000 training digits${loadingPercent(p)}`;
    case 'ready':
      return '';
    case 'training':
      return `training ${who(p.members, members)}: epoch ${p.done.toFixed(2)} of ${Number(p.total.toFixed(2))}`;
    case 'caching':
      return `caching ${whose(p.members, members)} outputs on the ${count(p.total)} transfer-set digits${percent(p)}`;
    case 'evaluating':
      return `evaluating on the ${count(p.total)} test digits${percent(p)}`;
    case 'done':
      return 'finished';
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
): string {
  switch (phase) {
    case 'starting':
      return 'starting the engine';
    case 'loading':
      return 'loading MNIST';
    case 'ready':
      return 'ready';
    case 'teachers': {
      const teachers = named(progress?.members ?? [], members).filter((m) => m.role === 'teacher');
      return teachers.length > 1 ? 'training the teachers' : 'training the teacher';
    }
    case 'caching':
      return members.filter((m) => m.role === 'teacher').length > 1
        ? 'caching the teachers’ outputs'
        : 'caching the teacher’s outputs';
    case 'learners': {
      const n = learnersNow(progress, members);
      return n === 2
        ? 'distilling: both students training'
        : n === 1
          ? 'distilling: one student training'
          : `distilling: ${n} students training`;
    }
    case 'done':
      return 'done';
  }
}
