/**
 * Settings → recipe: what the page's controls (and a link) describe, as the run the engine
 * executes. The default roster is Hinton et al.'s: one teacher, a distilled student and its
 * hard-label twin. A preset may bring its own teachers and learners (presets.ts); the
 * settings still give the transfer set, the schedule and the student size.
 */
import type { LearnerSpec, Recipe, TeacherSpec } from '../engine/recipe.ts';
import { TEACHER_ID } from '../engine/recipe.ts';
import { presetById } from './presets.ts';
import type { Settings } from './settingsSchema.ts';

export function defaultTeacher(s: Settings): TeacherSpec {
  const training = { epochs: s.teacherEpochs, seed: s.seed };
  return {
    id: TEACHER_ID,
    label: 'teacher',
    hidden: '1200-1200',
    source:
      s.teacherSource === 'pretrained'
        ? { kind: 'pretrained', file: 'teacher', fallback: training }
        : { kind: 'train', training },
  };
}

export function defaultLearners(s: Settings): LearnerSpec[] {
  return [
    {
      id: 'distilled',
      label: 'distilled student',
      hidden: s.studentSize,
      // seed + 1: the students have always drawn their weights from the seed after the teacher's.
      init: { kind: 'seed', seed: s.seed + 1 },
      objective: { id: s.lossMode },
      teachers: [TEACHER_ID],
      biasAdjustable: true,
    },
    {
      id: 'control',
      label: 'control student (hard labels)',
      hidden: s.studentSize,
      // A twin: the same first weights, the same batches; only the loss differs.
      init: { kind: 'copy', of: 'distilled' },
      objective: { id: 'hard' },
      teachers: [],
    },
  ];
}

export function toRecipe(s: Settings): Recipe {
  const members = presetById(s.preset)?.members?.(s);
  return {
    seed: s.seed,
    teachers: members?.teachers ?? [defaultTeacher(s)],
    learners: members?.learners ?? defaultLearners(s),
    transfer: {
      digits: s.transferDigits.split('').map(Number),
      fraction: s.transferFraction,
      labels: s.useLabels,
    },
    schedule: {
      epochs: s.studentEpochs,
      batchSize: s.batchSize,
      learningRate: s.learningRate,
      evalEvery: s.evalEvery,
    },
  };
}

export function toLiveHyper(s: Settings): { temperature: number; alpha: number } {
  return { temperature: s.temperature, alpha: s.alpha };
}
