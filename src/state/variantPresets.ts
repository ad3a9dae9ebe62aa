/**
 * The distillation variants beyond Hinton et al.'s MNIST experiments, each a recipe: its own
 * teachers and learners, built from the settings (seed, student size, loss, ensemble rule).
 * Published numbers, where they exist, are in `paper`; a preset that has none says so.
 */
import type { LearnerSpec, TeacherSpec } from '../engine/recipe.ts';
import type { Preset } from './presets.ts';
import type { Settings } from './settingsSchema.ts';

const PRETRAINED: TeacherSpec = {
  id: 'teacher',
  label: 'teacher',
  hidden: '1200-1200',
  source: { kind: 'pretrained', file: 'teacher' },
};

/** A student: fresh from the run's seed (+ 1, as the default roster), or a twin of another. */
function student(
  id: string,
  label: string,
  hidden: LearnerSpec['hidden'],
  rest: Partial<LearnerSpec> & Pick<LearnerSpec, 'objective' | 'teachers'>,
  s: Settings,
): LearnerSpec {
  return { id, label, hidden, init: { kind: 'seed', seed: s.seed + 1 }, ...rest };
}

/** Small teachers trained here with dropout, one per seed: seconds each on WASM. */
function trainedTeacher(id: string, label: string, seed: number, extra = {}): TeacherSpec {
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

const control = (hidden: LearnerSpec['hidden'], of = 'distilled'): LearnerSpec => ({
  id: 'control',
  label: 'control student (hard labels)',
  hidden,
  init: { kind: 'copy', of },
  objective: { id: 'hard' },
  teachers: [],
});

export const VARIANT_PRESETS: readonly Preset[] = [
  {
    id: 'ensemble',
    usesLossMode: true,
    title: 'Ensemble into one',
    summary:
      'Three 784-1200-1200-10 teachers trained with different seeds (the default teacher, 25 epochs, and two of 16 epochs; 2.4 MB each in 8 bits, the two extra files fetched only for this preset) and their ensemble, whose test errors are below each member’s. A 300-300 student is distilled from the ensemble’s averaged outputs (average the probabilities or the logits: Run settings); its twin learns from labels. Hinton et al. (2015) distilled an ensemble of 10 speech models into one that kept most of the ensemble’s gain (frame accuracy 58.9% single, 61.1% ensemble, 60.8% distilled).',
    settings: { studentSize: '300-300', studentEpochs: 5, temperature: 4, alpha: 0.1 },
    paper: {},
    members: (s) => {
      const files = ['teacher', 'teacher-s3', 'teacher-s4'];
      const teachers: TeacherSpec[] = files.map((file, k) => ({
        id: `member-${k + 1}`,
        label: `teacher ${k + 1}`,
        hidden: '1200-1200',
        source: { kind: 'pretrained', file },
      }));
      return {
        teachers: [
          ...teachers,
          {
            id: 'ensemble',
            label: 'ensemble of 3',
            hidden: '1200-1200',
            source: {
              kind: 'combined',
              members: teachers.map((t) => t.id),
              rule: { kind: s.ensembleRule },
            },
          },
        ],
        learners: [
          student(
            'distilled',
            'student from the ensemble',
            s.studentSize,
            { objective: { id: s.lossMode }, teachers: ['ensemble'] },
            s,
          ),
          control(s.studentSize),
        ],
      };
    },
  },
  {
    id: 'specialists',
    usesLossMode: true,
    title: 'Two specialists into one',
    summary:
      'One teacher knows only 0–4, the other only 5–9: each was trained on every digit with the other half relabelled as its “none of mine” class, as Hinton et al. (2015, §5) train specialists. The student learns all ten from the product of the two (a class of one specialist counts as much as the other specialist says “none of mine”; Vongkulbhisal et al. 2019 unify classifiers the same way). Compare its errors on each half with each specialist’s and with a student trained on labels.',
    settings: { studentSize: '300-300', studentEpochs: 5, temperature: 2, alpha: 0 },
    paper: {},
    digitGroups: [
      { label: '0–4', digits: [0, 1, 2, 3, 4] },
      { label: '5–9', digits: [5, 6, 7, 8, 9] },
    ],
    members: (s) => {
      // Specialist A keeps 0–4 and calls every 5–9 "5"; B keeps 5–9 and calls every 0–4 "0".
      const low = trainedTeacher('low', 'specialist 0–4', s.seed + 10, {
        labelMap: [0, 1, 2, 3, 4, 5, 5, 5, 5, 5],
      });
      const high = trainedTeacher('high', 'specialist 5–9', s.seed + 20, {
        labelMap: [0, 0, 0, 0, 0, 5, 6, 7, 8, 9],
      });
      return {
        teachers: [
          low,
          high,
          {
            id: 'specialists',
            label: 'both specialists',
            hidden: '300-300',
            source: {
              kind: 'combined',
              members: ['low', 'high'],
              rule: {
                kind: 'specialists',
                specialists: [
                  { own: [0, 1, 2, 3, 4], none: 5 },
                  { own: [5, 6, 7, 8, 9], none: 0 },
                ],
              },
            },
          },
        ],
        learners: [
          student(
            'distilled',
            'student from both',
            s.studentSize,
            {
              objective: { id: s.lossMode },
              teachers: ['specialists'],
            },
            s,
          ),
          control(s.studentSize),
        ],
      };
    },
  },
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
