import type { PresetId } from './presetIds.ts';
import type { LearnerSpec, TeacherSpec } from '../engine/recipe.ts';
import type { Settings } from './settingsSchema.ts';
import { TEACHER_QUALITY_PRESETS } from './teacherQualityPresets.ts';
import { VARIANT_PRESETS } from './variantPresets.ts';

/** Numbers from Hinton, Vinyals & Dean (2015), §3, MNIST, errors out of 10,000 test digits. */
export interface PaperNumbers {
  teacher?: number;
  distilled?: number;
  control?: number;
  /** Errors on the omitted class(es), e.g. 133 of the 1,010 test 3s. */
  omitted?: number;
  /** With the bias adjustment of the preset. */
  distilledAfterBias?: number;
  omittedAfterBias?: number;
  /** For error rates quoted as percentages. */
  errorRate?: number;
  errorRateAfterBias?: number;
}

export interface Preset {
  id: Exclude<PresetId, 'none'>;
  title: string;
  /** One or two sentences for the learner: what to look for. */
  summary: string;
  settings: Partial<Settings>;
  paper: PaperNumbers;
  /**
   * The run's teachers and learners, when not the default roster (one teacher, a distilled
   * student and its hard-label twin): data built from the settings (student size, seed, …).
   */
  members?: (s: Settings) => { teachers: TeacherSpec[]; learners: LearnerSpec[] };
  /** Whether its distilled learners follow the loss-mode control (else their objectives are fixed). */
  usesLossMode?: boolean;
  /** Digit groups whose errors the results table shows apart (e.g. each specialist's half). */
  digitGroups?: readonly { label: string; digits: readonly number[] }[];
}

const HINTON_PRESETS: readonly Preset[] = [
  {
    id: 'hinton2015',
    title: 'Hinton 2015',
    summary:
      'The paper’s MNIST result: an 800-800 student distilled at T = 20 makes about half the errors of the same net trained on hard labels (74 vs 146).',
    settings: {
      studentEpochs: 4,
      studentSize: '800-800',
      temperature: 20,
      alpha: 0.1,
      transferDigits: '0123456789',
      transferFraction: 1,
      useLabels: true,
      biasClasses: '',
      biasShift: 0,
    },
    paper: { teacher: 67, distilled: 74, control: 146 },
  },
  {
    id: 'small-student',
    title: 'Small student',
    summary:
      'A 30-30 student cannot copy everything the teacher knows. At very high T the soft targets stress the tiny logit differences among wrong classes, which it has no capacity for; an intermediate T (2.5–4 in the paper) ignores those and wins. Early on the control student can be ahead; by the end the distilled one makes fewer errors.',
    settings: {
      studentEpochs: 20,
      studentSize: '30-30',
      temperature: 3,
      alpha: 0.1,
      transferDigits: '0123456789',
      transferFraction: 1,
      useLabels: true,
      biasClasses: '',
      biasShift: 0,
    },
    paper: {},
  },
  {
    id: 'missing-3',
    title: 'The missing 3',
    summary:
      'No 3 appears in the transfer set, yet the distilled student recognizes most 3s: the teacher’s soft targets on other digits carry what a 3 looks like. Its bias for class 3 is too low; raise it (the paper used +3.5).',
    settings: {
      studentEpochs: 6,
      studentSize: '800-800',
      temperature: 20,
      alpha: 0.1,
      transferDigits: '012456789',
      transferFraction: 1,
      useLabels: true,
      biasClasses: '3',
      biasShift: 0,
    },
    paper: { distilled: 206, omitted: 133, distilledAfterBias: 109, omittedAfterBias: 14 },
  },
  {
    id: 'only-78',
    title: 'Only 7s and 8s',
    summary:
      'The students see only 7s and 8s. The distilled one still learns the other digits from the teacher’s soft targets, once the 7 and 8 biases are lowered (the paper used −7.6).',
    settings: {
      studentEpochs: 10,
      studentSize: '800-800',
      temperature: 20,
      alpha: 0.1,
      transferDigits: '78',
      transferFraction: 1,
      useLabels: true,
      biasClasses: '78',
      biasShift: 0,
    },
    paper: { errorRate: 0.473, errorRateAfterBias: 0.132 },
  },
  {
    id: 'no-labels',
    title: 'No labels',
    summary:
      'The transfer set is unlabeled: the distilled student learns from the teacher’s soft targets alone (α = 0). A hard-label student has nothing to learn from.',
    settings: {
      studentEpochs: 3,
      studentSize: '800-800',
      temperature: 20,
      alpha: 0,
      transferDigits: '0123456789',
      transferFraction: 1,
      useLabels: false,
      biasClasses: '',
      biasShift: 0,
    },
    paper: {},
  },
  {
    id: 'three-percent',
    title: '3% of the data',
    summary:
      'Only 1,800 training digits. Hard labels overfit them; soft targets carry far more information per example, so the distilled student generalizes much better (the paper shows this on speech).',
    settings: {
      studentEpochs: 30,
      studentSize: '800-800',
      temperature: 20,
      alpha: 0.1,
      transferDigits: '0123456789',
      transferFraction: 0.03,
      useLabels: true,
      biasClasses: '',
      biasShift: 0,
    },
    paper: {},
  },
];

export const PRESETS: readonly Preset[] = [
  ...HINTON_PRESETS,
  ...VARIANT_PRESETS,
  ...TEACHER_QUALITY_PRESETS,
];

/** The bias shifts the paper applied after training (§3), used by `npm run reproduce`. */
export const PAPER_BIAS_SHIFT: Partial<Record<Preset['id'], { classes: number[]; shift: number }>> =
  {
    'missing-3': { classes: [3], shift: 3.5 },
    'only-78': { classes: [7, 8], shift: -7.6 },
  };

export function presetById(id: PresetId): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
