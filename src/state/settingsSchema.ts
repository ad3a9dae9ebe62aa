/**
 * Every setting of the page, declared once: type, default, range, URL key, label and help text.
 * Modelled on the PROPS table of tensorflow/playground (src/state.ts). The URL query string is
 * the source of truth for a shared or embedded page; urlState.ts reads and writes it from here.
 */
import type { BackendRequest } from '../engine/protocol.ts';
import type { TrainingWorkers } from './trainingWorkers.ts';
import { LOSS_MODES, type LossMode } from '../kd/objectiveCatalog.ts';
import type { StudentSize } from '../models/architectures.ts';
import type { SettingSpec, SpecValue } from './schemaTypes.ts';
import {
  booleanSetting,
  digitSetSetting,
  enumSetting,
  integerSetting,
  nameSetSetting,
  numberSetting,
} from './schemaTypes.ts';
import { LESSON_IDS, MAX_LESSON_STEPS, type LessonId } from '../lessons/lessonIds.ts';
import { PANEL_IDS } from './panels.ts';
import { PRESET_IDS, type PresetId } from './presetIds.ts';
import { EXPLORE_VIEWS, type ExploreView } from './exploreViews.ts';

export type { SettingScope, SettingSpec } from './schemaTypes.ts';

/** Table order is the order of the query string and of any generated settings list. */
export const SETTINGS_SCHEMA = {
  // First, so that a lesson step's values, then a preset's, are applied before the URL's own
  // values override them.
  lesson: enumSetting<LessonId>({
    urlKey: 'lesson',
    label: 'Lesson',
    help: 'A guided lesson: each step sets the page up, asks you to do one thing and checks a claim on your run.',
    options: LESSON_IDS,
    default: 'none',
    scope: 'live',
  }),
  lessonStep: integerSetting({
    urlKey: 'step',
    label: 'Lesson step',
    help: 'The step of the lesson, from 1.',
    default: 1,
    min: 1,
    max: MAX_LESSON_STEPS,
    scope: 'live',
  }),
  preset: enumSetting<PresetId>({
    urlKey: 'preset',
    label: 'Preset',
    help: 'An experiment from Hinton, Vinyals & Dean (2015); it sets the values below, which you can still change.',
    options: PRESET_IDS,
    default: 'none',
    scope: 'restart',
  }),
  temperature: numberSetting({
    urlKey: 'T',
    label: 'Temperature T',
    help: 'Softens the teacher’s and student’s softmax: p_i = exp(z_i/T) / Σ exp(z_j/T). Higher T reveals more of the teacher’s “dark knowledge” about wrong classes.',
    default: 8,
    min: 1,
    max: 50,
    logScale: true,
    scope: 'live',
  }),
  alpha: numberSetting({
    urlKey: 'alpha',
    label: 'α (weight of hard labels)',
    help: 'Loss = α · CE(true label) + (1 − α) · T² · KL(teacher ‖ student at T). α = 0 learns from soft targets only.',
    default: 0.1,
    min: 0,
    max: 1,
    step: 0.01,
    logScale: false,
    scope: 'live',
  }),
  lossMode: enumSetting<LossMode>({
    urlKey: 'loss',
    label: 'Loss of the distilled student',
    help: 'What the distilled student minimizes beside α · CE: Hinton KD (T² · KL at T), soft-target cross-entropy, logit matching (MSE of zero-meaned logits, the T → ∞ limit) or decoupled KD (target and non-target terms weighted apart).',
    options: LOSS_MODES,
    default: 'hinton',
    scope: 'restart',
  }),
  ensembleRule: enumSetting<'mean-probabilities' | 'mean-logits'>({
    urlKey: 'ensemble',
    label: 'Ensemble average',
    help: 'How the ensemble’s teachers combine into one target: the mean of their probabilities at T, or the mean of their logits. Only for presets with an ensemble.',
    options: ['mean-probabilities', 'mean-logits'],
    default: 'mean-probabilities',
    scope: 'restart',
  }),
  studentSize: enumSetting<StudentSize>({
    urlKey: 'student',
    label: 'Student size',
    help: 'Hidden layers of both students (distilled and control), units per layer.',
    options: ['800-800', '300-300', '30-30'],
    default: '800-800',
    scope: 'restart',
  }),
  seed: integerSetting({
    urlKey: 'seed',
    label: 'Random seed',
    help: 'Seeds weight initialization, dropout and batch order, so a shared link reproduces a run.',
    default: 1,
    min: 0,
    max: 2147483647,
    scope: 'restart',
  }),
  batchSize: enumSetting<number>({
    urlKey: 'batch',
    label: 'Batch size',
    help: 'Training examples per gradient step.',
    options: [32, 64, 128, 256, 512],
    default: 128,
    scope: 'restart',
  }),
  learningRate: numberSetting({
    urlKey: 'lr',
    label: 'Learning rate',
    help: 'Step size of the optimizer for the teacher and both students.',
    default: 0.001,
    min: 1e-5,
    max: 0.1,
    logScale: true,
    scope: 'restart',
  }),
  teacherEpochs: integerSetting({
    urlKey: 'teacherEpochs',
    label: 'Teacher epochs',
    help: 'Passes over the training set for the teacher before distillation starts.',
    default: 2,
    min: 1,
    max: 30,
    scope: 'restart',
  }),
  studentEpochs: integerSetting({
    urlKey: 'epochs',
    label: 'Student epochs',
    help: 'Passes over the transfer set for the distilled and control students.',
    default: 5,
    min: 1,
    max: 50,
    scope: 'restart',
  }),
  evalEvery: integerSetting({
    urlKey: 'evalEvery',
    label: 'Evaluate every (steps)',
    help: 'Training steps between evaluations on the test set. Lower is smoother but slower.',
    default: 100,
    min: 10,
    max: 5000,
    scope: 'restart',
  }),
  backend: enumSetting<BackendRequest>({
    urlKey: 'backend',
    label: 'Backend',
    help: 'TensorFlow.js backend. “auto” picks the fastest one that works; changing it reloads the worker.',
    options: ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'],
    default: 'auto',
    scope: 'restart',
  }),
  workers: enumSetting<TrainingWorkers>({
    urlKey: 'workers',
    label: 'Training workers',
    help: 'Workers the learners train in. With 2, a second worker trains half of the learners on the same batches at the same time; “auto” uses 2 only where the machine has a core to spare beside the page’s own. Changing it reloads the engine.',
    options: ['auto', '1', '2'],
    default: 'auto',
    scope: 'restart',
  }),
  teacherSource: enumSetting<'pretrained' | 'train'>({
    urlKey: 'teacher',
    label: 'Teacher',
    help: 'Start from the pretrained teacher shipped with the app, or train your own first.',
    options: ['pretrained', 'train'],
    default: 'pretrained',
    scope: 'restart',
  }),
  transferDigits: digitSetSetting({
    urlKey: 'digits',
    label: 'Transfer-set digits',
    help: 'Which digit classes the students may train on (the teacher always saw all ten).',
    default: '0123456789',
    allowEmpty: false,
    scope: 'restart',
  }),
  transferFraction: numberSetting({
    urlKey: 'fraction',
    label: 'Fraction of training set',
    help: 'Share of the 60,000 training digits in the transfer set (a seeded random subset).',
    default: 1,
    min: 0.01,
    max: 1,
    step: 0.01,
    logScale: false,
    scope: 'restart',
  }),
  useLabels: booleanSetting({
    urlKey: 'labels',
    label: 'Use labels',
    help: 'Off: the transfer set is unlabeled, so the distilled student learns from soft targets alone (α = 0) and the control student cannot train.',
    default: true,
    scope: 'restart',
  }),
  biasClasses: digitSetSetting({
    urlKey: 'biasClasses',
    label: 'Bias classes',
    help: 'Classes whose output bias in the distilled student is shifted (Hinton et al. raised class 3 by 3.5).',
    default: '',
    allowEmpty: true,
    scope: 'live',
  }),
  biasShift: numberSetting({
    urlKey: 'bias',
    label: 'Bias shift',
    help: 'Constant added to the output bias of the chosen classes of the distilled student, at test time.',
    default: 0,
    min: -20,
    max: 20,
    step: 0.1,
    logScale: false,
    scope: 'live',
  }),
  logScale: booleanSetting({
    urlKey: 'log',
    label: 'Log scale',
    help: 'Draw the soft-target bars on a log scale, so tiny probabilities of wrong classes show.',
    default: false,
    scope: 'live',
  }),
  explore: enumSetting<ExploreView>({
    urlKey: 'explore',
    label: 'Explore panel',
    help: 'Which “look inside” panel is open: the high-temperature limit, the dark-knowledge map, draw your own digit, mistakes, the size trade-off, or the T × α sweep.',
    options: EXPLORE_VIEWS,
    default: 'limit',
    scope: 'live',
  }),
  embed: booleanSetting({
    urlKey: 'embed',
    label: 'Embed',
    help: 'Hide the page chrome, for embedding in course material.',
    default: false,
    scope: 'live',
  }),
  hide: nameSetSetting({
    urlKey: 'hide',
    label: 'Hidden panels',
    help: 'Panels the page does not show, comma-separated, e.g. charts,explore (for embeds).',
    options: PANEL_IDS,
    default: '',
    scope: 'live',
  }),
  theme: enumSetting<'auto' | 'light' | 'dark'>({
    urlKey: 'theme',
    label: 'Theme',
    help: 'Light or dark colours; “auto” follows the system.',
    options: ['auto', 'light', 'dark'],
    default: 'auto',
    scope: 'live',
  }),
  lang: enumSetting<'auto' | 'en' | 'zh'>({
    urlKey: 'lang',
    label: 'Language',
    help: 'English or Simplified Chinese; “auto” follows the browser’s language.',
    options: ['auto', 'en', 'zh'],
    default: 'auto',
    scope: 'live',
  }),
  lock: booleanSetting({
    urlKey: 'lock',
    label: 'Lock settings',
    help: 'Learners can train, pause and step, but not change the settings (for embeds that follow a lesson).',
    default: false,
    scope: 'live',
  }),
} as const satisfies Readonly<Record<string, SettingSpec>>;

export type SettingsSchema = typeof SETTINGS_SCHEMA;

export type Settings = { -readonly [K in keyof SettingsSchema]: SpecValue<SettingsSchema[K]> };

export type SettingKey = keyof Settings;

/** All keys, in table order. */
export const SETTING_KEYS: readonly SettingKey[] = Object.freeze(
  Object.keys(SETTINGS_SCHEMA) as SettingKey[],
);

export function settingSpec(key: SettingKey): SettingSpec {
  return SETTINGS_SCHEMA[key];
}

function buildDefaults(): Settings {
  const out: Partial<Record<SettingKey, Settings[SettingKey]>> = {};
  for (const key of SETTING_KEYS) out[key] = SETTINGS_SCHEMA[key].default;
  return out as Settings;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze(buildDefaults());
