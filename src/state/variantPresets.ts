/**
 * The distillation variants beyond Hinton et al.'s MNIST experiments, each a recipe: its own
 * teachers and learners, built from the settings (seed, student size, loss, ensemble rule).
 * Published numbers, where they exist, are in `paper`; a preset that has none says so.
 */
import type { Preset } from './presets.ts';
import { COMBINED_PRESETS } from './combinedPresets.ts';
import { control, PRETRAINED, student } from './presetMembers.ts';

const SINGLE_TEACHER_PRESETS: readonly Preset[] = [
  {
    id: 'logit-matching',
    title: 'Logit matching vs soft targets',
    summary:
      'Four twins of one 300-300 student learn from the same teacher on the same batches: KL at T = 2, 5 and 20, and the MSE of zero-meaned logits (Ba & Caruana 2014), the T → ∞ limit. Hinton et al. (2015) show the high-T KL gradient becomes logit matching; with a student this large, all high temperatures should end close, while T = 2 ignores the tiny logit differences.',
    settings: { studentSize: '300-300', studentEpochs: 3, alpha: 0.1 },
    paper: {},
    members: (s) => ({
      teachers: [PRETRAINED],
      learners: [
        ...[2, 5, 20].map((T, k) =>
          k === 0
            ? student(
                'kl-t2',
                'KL at T = 2',
                s.studentSize,
                { objective: { id: 'hinton', temperature: 2 }, teachers: ['teacher'] },
                s,
              )
            : {
                id: `kl-t${T}`,
                label: `KL at T = ${T}`,
                hidden: s.studentSize,
                init: { kind: 'copy' as const, of: 'kl-t2' },
                objective: { id: 'hinton' as const, temperature: T },
                teachers: ['teacher'],
              },
        ),
        {
          id: 'logit-mse',
          label: 'logit matching (MSE)',
          hidden: s.studentSize,
          init: { kind: 'copy', of: 'kl-t2' },
          objective: { id: 'logit-mse' },
          teachers: ['teacher'],
        },
        control(s.studentSize, 'kl-t2'),
      ],
    }),
  },
  {
    id: 'fitnets',
    title: 'Hints (FitNets)',
    summary:
      'A thin 30-30 student first learns to reproduce the teacher’s first hidden layer through a learned linear map (the hint, Romero et al. 2015), then is distilled with KD; its twin is distilled with KD from the same first weights without the hint stage. Romero et al. report hints help deep, thin students (CIFAR-10: a 19-layer FitNet 91.6% vs 90.5% for its teacher); our students are shallow, so watch whether the hint stage pays here at all.',
    settings: { studentSize: '30-30', studentEpochs: 10, temperature: 3, alpha: 0.1 },
    paper: {},
    members: (s) => ({
      teachers: [PRETRAINED],
      learners: [
        student(
          'hinted',
          'hint stage',
          s.studentSize,
          {
            objective: { id: 'hint' },
            teachers: [],
            hint: { teacher: 'teacher', teacherLayer: 0, studentLayer: 0 },
          },
          s,
        ),
        {
          id: 'fitnet',
          label: 'FitNet (hint, then KD)',
          hidden: s.studentSize,
          init: { kind: 'copy', of: 'hinted' },
          objective: { id: 'hinton' },
          teachers: ['teacher'],
          stage: 1,
        },
        student(
          'distilled',
          'KD alone',
          s.studentSize,
          { objective: { id: 'hinton' }, teachers: ['teacher'], stage: 1 },
          s,
        ),
        { ...control(s.studentSize), stage: 1 },
      ],
    }),
  },
  {
    id: 'born-again',
    usesLossMode: true,
    title: 'Born again',
    summary:
      'A student with the teacher’s own size (1200-1200) is distilled from the teacher; then a second generation is distilled from the first (Furlanello et al. 2018, “Born-Again Neural Networks”). They report each generation beating its teacher on CIFAR-100 (DenseNet 1st gen. 17.7% → 16.6% error); on MNIST with a 70-error teacher there is little left to win: see whether generation 2 improves on generation 1 here.',
    settings: { studentEpochs: 1, temperature: 4, alpha: 0.1 },
    paper: {},
    members: (s) => ({
      teachers: [
        PRETRAINED,
        {
          id: 'gen1-teacher',
          label: 'generation 1 as teacher',
          hidden: '1200-1200',
          source: { kind: 'learner', learner: 'gen1' },
        },
      ],
      learners: [
        student(
          'gen1',
          'generation 1',
          '1200-1200',
          { objective: { id: s.lossMode }, teachers: ['teacher'] },
          s,
        ),
        control('1200-1200', 'gen1'),
        {
          id: 'gen2',
          label: 'generation 2',
          hidden: '1200-1200',
          init: { kind: 'seed', seed: s.seed + 2 },
          objective: { id: s.lossMode },
          teachers: ['gen1-teacher'],
          stage: 1,
        },
      ],
    }),
  },
  {
    id: 'teacher-assistant',
    usesLossMode: true,
    title: 'Teacher assistant',
    summary:
      'A 300-300 assistant is distilled from the teacher, then a 30-30 student from the assistant; its twin is distilled from the teacher directly (Mirzadeh et al. 2020, “Improved Knowledge Distillation via Teacher Assistant”: on CIFAR-10, a 2-layer student 70.4% from the teacher directly, 72.7% through an assistant). The gap here, 2.4 M → 24 k parameters, is large; see whether the assistant helps.',
    settings: { studentSize: '30-30', studentEpochs: 10, temperature: 3, alpha: 0.1 },
    paper: {},
    members: (s) => ({
      teachers: [
        PRETRAINED,
        {
          id: 'assistant-teacher',
          label: 'assistant as teacher',
          hidden: '300-300',
          source: { kind: 'learner', learner: 'assistant' },
        },
      ],
      learners: [
        student(
          'assistant',
          'assistant 300-300',
          '300-300',
          {
            objective: { id: s.lossMode },
            teachers: ['teacher'],
            init: { kind: 'seed', seed: s.seed + 5 },
          },
          s,
        ),
        student(
          'direct',
          'student from the teacher',
          s.studentSize,
          { objective: { id: s.lossMode }, teachers: ['teacher'] },
          s,
        ),
        control(s.studentSize, 'direct'),
        student(
          'via-assistant',
          'student via the assistant',
          s.studentSize,
          {
            objective: { id: s.lossMode },
            teachers: ['assistant-teacher'],
            stage: 1,
          },
          s,
        ),
      ],
    }),
  },
];

export const VARIANT_PRESETS: readonly Preset[] = [...COMBINED_PRESETS, ...SINGLE_TEACHER_PRESETS];
