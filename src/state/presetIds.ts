/** The experiments a learner can start with one click (their values: presets.ts). */
export const PRESET_IDS = [
  'none',
  'hinton2015',
  'small-student',
  'missing-3',
  'only-78',
  'no-labels',
  'three-percent',
  'ensemble',
  'specialists',
  'logit-matching',
  'fitnets',
  'born-again',
  'teacher-assistant',
  'teacher-smoothed',
  'teacher-early',
  'teacher-dropout',
] as const;

export type PresetId = (typeof PRESET_IDS)[number];
