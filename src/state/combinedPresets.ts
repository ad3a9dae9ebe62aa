/**
 * Presets whose students learn from several teachers combined: an ensemble, and two specialists.
 * Their combined teacher is a roster member of its own (its test errors beside its members').
 */
import type { TeacherSpec } from '../engine/recipe.ts';
import type { Preset } from './presets.ts';
import { control, student, trainedTeacher } from './presetMembers.ts';

export const COMBINED_PRESETS: readonly Preset[] = [
  {
    id: 'ensemble',
    usesLossMode: true,
    title: 'Ensemble into one',
    summary:
      'Three 784-1200-1200-10 teachers trained with different seeds (the default teacher, 25 epochs, and two of 16 epochs; 2.4 MB each in 8 bits, the two extra files fetched only for this preset) and their ensemble, a roster member of its own: compare its test errors with each member’s (with members this unequal, 70 vs about 100 errors, it beats the weaker two but not the best). A 300-300 student is distilled from the ensemble’s averaged outputs (average the probabilities or the logits: Run settings); its twin learns from labels. Hinton et al. (2015) distilled an ensemble of 10 speech models into one that kept most of the ensemble’s gain (frame accuracy 58.9% single, 61.1% ensemble, 60.8% distilled).',
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
];
