/**
 * Teacher quality: the same student distilled from a good teacher and from a worse one, twins on
 * the same batches, with a hard-label control. Each preset isolates one way a teacher goes bad:
 * label smoothing (Müller, Kornblith & Hinton 2019), too little training, and dropout left on
 * while it makes targets (a teacher left in training mode). Measured effects: README and
 * bench/reproduce/<preset>.json (`npm run reproduce -- --preset <id>`).
 */
import type { LearnerSpec, TeacherSpec } from '../engine/recipe.ts';
import type { Preset } from './presets.ts';
import { control, student } from './presetMembers.ts';
import type { Settings } from './settingsSchema.ts';

const pretrained = (id: string, label: string, file: string): TeacherSpec => ({
  id,
  label,
  hidden: '1200-1200',
  source: { kind: 'pretrained', file },
});

/** A student distilled from `good`, its twin from `bad` (same first weights), and a control. */
function goodAndBad(
  s: Settings,
  good: { teacher: string; label: string },
  bad: { teacher: string; label: string },
): LearnerSpec[] {
  return [
    student(
      'from-good',
      good.label,
      s.studentSize,
      { objective: { id: s.lossMode }, teachers: [good.teacher], biasAdjustable: true },
      s,
    ),
    {
      id: 'from-bad',
      label: bad.label,
      hidden: s.studentSize,
      init: { kind: 'copy', of: 'from-good' },
      objective: { id: s.lossMode },
      teachers: [bad.teacher],
    },
    control(s.studentSize, 'from-good'),
  ];
}

const SETTINGS = { studentSize: '300-300', studentEpochs: 3, temperature: 8, alpha: 0.1 } as const;

/** The train-mode teacher's dropout: the rates the pretrained teacher was trained with. */
export const TRAIN_MODE_DROPOUT = { input: 0.1, hidden: 0.3 };

export const TEACHER_QUALITY_PRESETS: readonly Preset[] = [
  {
    id: 'teacher-smoothed',
    usesLossMode: true,
    title: 'Label-smoothed teacher',
    summary:
      'Two teachers trained with the same recipe and seed (16 epochs), one on one-hot labels and one on label-smoothed targets (ε = 0.1, Szegedy et al. 2016); a 300-300 student learns from each, its twin from labels. Müller, Kornblith & Hinton (2019) report that label smoothing makes a teacher’s wrong-class probabilities alike within a class, erasing the dark knowledge a student learns from: a better classifier, a worse teacher. Measured here (npm run reproduce, 3 epochs): teachers 104 and 107 errors; students 179 and 193 with seed 1, but 196 and 181 with seed 2 (controls 222, 232): on MNIST at this scale the effect is smaller than seed-to-seed noise. Try other seeds, and compare the teachers’ rows of the dark-knowledge map.',
    settings: SETTINGS,
    paper: {},
    members: (s) => ({
      teachers: [
        pretrained('teacher', 'teacher (one-hot labels)', 'teacher-s3'),
        pretrained('teacher-smoothed', 'teacher (label smoothing 0.1)', 'teacher-ls'),
      ],
      learners: goodAndBad(
        s,
        { teacher: 'teacher', label: 'student of the one-hot teacher' },
        { teacher: 'teacher-smoothed', label: 'student of the smoothed teacher' },
      ),
    }),
  },
  {
    id: 'teacher-early',
    usesLossMode: true,
    title: 'Under-trained teacher',
    summary:
      'The default teacher (25 epochs) beside an early checkpoint of the same recipe (seed 3, stopped after 1 epoch, no weight averaging); a 300-300 student learns from each, its twin from labels. A teacher that is still wrong on many digits passes its mistakes on: how much worse is its student, and is it still better than the control? Measured here (npm run reproduce, 3 epochs): teachers 70 and 377 errors, students 174 and 372 (seed 1), 172 and 408 (seed 2), controls 222 and 232: the early teacher’s student is worse than learning from labels alone.',
    settings: SETTINGS,
    paper: {},
    members: (s) => ({
      teachers: [
        pretrained('teacher', 'teacher (25 epochs)', 'teacher'),
        pretrained('teacher-early', 'teacher (after 1 epoch)', 'teacher-early'),
      ],
      learners: goodAndBad(
        s,
        { teacher: 'teacher', label: 'student of the trained teacher' },
        { teacher: 'teacher-early', label: 'student of the early teacher' },
      ),
    }),
  },
  {
    id: 'teacher-dropout',
    usesLossMode: true,
    title: 'Teacher left in training mode',
    summary:
      'One pretrained teacher used twice: in inference mode, and left in training mode while it makes targets (dropout on: 10% of inputs, 30% of hidden units, masks drawn once when its targets are cached), the classic silent bug of a forgotten model.eval(). Its test errors, measured in inference mode, look the same (70 and 70); only the student shows the damage. Measured here (npm run reproduce, 3 epochs): students 174 and 191 (seed 1), 172 and 200 (seed 2), controls 222 and 232.',
    settings: SETTINGS,
    paper: {},
    members: (s) => ({
      teachers: [
        pretrained('teacher', 'teacher (inference mode)', 'teacher'),
        {
          ...pretrained('teacher-train-mode', 'teacher (dropout on)', 'teacher'),
          dropoutWhileTeaching: TRAIN_MODE_DROPOUT,
        },
      ],
      learners: goodAndBad(
        s,
        { teacher: 'teacher', label: 'student of the inference-mode teacher' },
        { teacher: 'teacher-train-mode', label: 'student of the train-mode teacher' },
      ),
    }),
  },
];
