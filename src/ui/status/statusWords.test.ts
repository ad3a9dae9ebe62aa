import { describe, expect, it } from 'vitest';
import type { Progress } from '../../engine/protocol.ts';
import { phaseWords, progressWords } from './statusWords.ts';

const members = [
  { id: 'teacher', label: 'teacher', role: 'teacher' as const, stage: -1, trains: true },
  { id: 'distilled', label: 'distilled student', role: 'learner' as const, stage: 0, trains: true },
  {
    id: 'control',
    label: 'control student (hard labels)',
    role: 'learner' as const,
    stage: 0,
    trains: true,
  },
];
const p = (activity: Progress['activity'], done: number, total: number, ids: string[] = []) => ({
  activity,
  done,
  total,
  members: ids,
});

describe('status words', () => {
  it('words what the engine does, with the roster’s names', () => {
    expect(progressWords(p('training', 1.25, 2, ['teacher']), members)).toBe(
      'training the teacher: epoch 1.25 of 2',
    );
    expect(progressWords(p('training', 0.5, 5, ['distilled', 'control']), members)).toBe(
      'training 2 students: epoch 0.50 of 5',
    );
    expect(progressWords(p('caching', 24_000, 60_000, ['teacher']), members)).toBe(
      'caching the teacher’s outputs on the 60,000 transfer-set digits: 40%',
    );
    expect(progressWords(p('evaluating', 3000, 10_000, ['distilled']), members)).toBe(
      'evaluating on the 10,000 test digits: 30%',
    );
    expect(progressWords(p('loading-train', 0, 1), members)).toBe(
      'loading the 60,000 training digits',
    );
  });

  it('names the phase as the page always has', () => {
    expect(phaseWords('teachers', p('training', 0, 2, ['teacher']), members)).toBe(
      'training the teacher',
    );
    expect(phaseWords('learners', p('training', 0, 5, ['distilled', 'control']), members)).toBe(
      'distilling: both students training',
    );
    const noLabels = members.map((m) => (m.id === 'control' ? { ...m, trains: false } : m));
    expect(phaseWords('learners', undefined, noLabels)).toBe('distilling: one student training');
  });
});
