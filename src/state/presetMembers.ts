/** Building blocks of the variant presets' rosters: the pretrained teacher, students, controls. */
import type { LearnerSpec, TeacherSpec } from '../engine/recipe.ts';
import type { Settings } from './settingsSchema.ts';

export const PRETRAINED: TeacherSpec = {
  id: 'teacher',
  label: 'teacher',
  hidden: '1200-1200',
  source: { kind: 'pretrained', file: 'teacher' },
};

/** A student: fresh from the run's seed (+ 1, as the default roster), or a twin of another. */
export function student(
  id: string,
  label: string,
  hidden: LearnerSpec['hidden'],
  rest: Partial<LearnerSpec> & Pick<LearnerSpec, 'objective' | 'teachers'>,
  s: Settings,
): LearnerSpec {
  return { id, label, hidden, init: { kind: 'seed', seed: s.seed + 1 }, ...rest };
}

/** Small teachers trained here with dropout, one per seed: seconds each on WASM. */
export function trainedTeacher(id: string, label: string, seed: number, extra = {}): TeacherSpec {
  return {
    id,
    label,
    hidden: '300-300',
    source: {
      kind: 'train',
      training: { epochs: 3, seed, dropout: { input: 0.1, hidden: 0.3 }, ...extra },
    },
  };
}

export const control = (hidden: LearnerSpec['hidden'], of = 'distilled'): LearnerSpec => ({
  id: 'control',
  label: 'control student (hard labels)',
  hidden,
  init: { kind: 'copy', of },
  objective: { id: 'hard' },
  teachers: [],
});
