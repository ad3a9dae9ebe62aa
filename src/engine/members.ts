/**
 * A recipe's teachers and learners as live models: each learner is {model, optimizer, objective}
 * (the Keras Distiller's student + optimizer + loss list), each teacher a model that is loaded,
 * trained here or taken from an earlier learner. Also the roster the page draws.
 */
import * as tf from '@tensorflow/tfjs';
import { objectiveById } from '../kd/objectives.ts';
import type { Objective } from '../kd/objective.ts';
import { OnePassAdam } from '../kernels/onePassAdam.ts';
import { layerSizes, TEACHER_DROPOUT } from '../models/architectures.ts';
import { cloneMlp, createMlp, disposeMlp, parameterCount, type Mlp } from '../models/mlp.ts';
import { assignMlpWeights, type MlpWeightsJson } from '../models/weightsFile.ts';
import type { RosterEntry } from './protocol.ts';
import type { LearnerSpec, Recipe, TeacherSpec } from './recipe.ts';

/** A weights file (public/models/<file>.json + .bin). */
export interface TeacherWeights {
  json: MlpWeightsJson;
  bin: ArrayBuffer;
}

export interface TeacherMember {
  spec: TeacherSpec;
  /** Null until an earlier learner it comes from exists (then it is that learner's model). */
  model: Mlp | null;
  optimizer: OnePassAdam | null;
  /** The weight average that becomes the teacher (TeacherTraining.weightAverage). */
  average: Mlp | null;
}

/** A FitNets regressor: W_r, b_r map the learner's hinted layer onto the teacher's. */
export interface HintRegressor {
  kernel: tf.Variable;
  bias: tf.Variable;
  studentLayer: number;
  teacher: string;
  teacherLayer: number;
  weight: number;
}

export interface LearnerMember {
  spec: LearnerSpec;
  model: Mlp;
  optimizer: OnePassAdam;
  objective: Objective;
  /** Names of its loss terms: the objective's, then 'hint' when a hint is added beside it. */
  termNames: string[];
  hint: HintRegressor | null;
  stage: number;
  /** False for a hard-label learner on an unlabeled transfer set. */
  trains: boolean;
}

const TEACHER_ORIGIN = {
  pretrained: 'pretrained',
  train: 'trained here',
  learner: 'earlier learner',
  combined: 'combined',
} as const satisfies Record<TeacherSpec['source']['kind'], RosterEntry['origin']>;

/** Colours for members without one of their own: teacher first, then learners in order. */
const TEACHER_COLORS = ['#5b5bd6', '#8e4ec6', '#3e63dd', '#6e56cf'];
const LEARNER_COLORS = ['#0e9f85', '#e07a2f', '#d6409f', '#2f8fd6', '#9a6b00', '#5c7c2f'];

export function buildTeachers(
  recipe: Recipe,
  pretrained: ReadonlyMap<string, TeacherWeights>,
  learningRate: number,
): TeacherMember[] {
  return recipe.teachers.map((spec) => {
    const source = spec.source;
    if (source.kind === 'learner' || source.kind === 'combined')
      return { spec, model: null, optimizer: null, average: null };
    const seed = source.kind === 'train' ? source.training.seed : 0;
    const dropout =
      source.kind === 'train' ? (source.training.dropout ?? TEACHER_DROPOUT) : TEACHER_DROPOUT;
    const model = createMlp(spec.id, layerSizes(spec.hidden), seed, dropout);
    const file = source.kind === 'pretrained' ? source.file : source.training.initialWeights;
    if (file !== undefined) {
      const weights = pretrained.get(file);
      if (!weights)
        throw new Error(`The weights of teacher "${spec.label}" (${file}) are missing.`);
      assignMlpWeights(model, weights.json, weights.bin);
    }
    if (source.kind === 'pretrained') return { spec, model, optimizer: null, average: null };
    const average = source.training.weightAverage ? cloneMlp(model, `${spec.id}-average`) : null;
    return { spec, model, optimizer: new OnePassAdam(learningRate), average };
  });
}

export function buildLearners(recipe: Recipe): LearnerMember[] {
  const built = new Map<string, LearnerMember>();
  // Copies after their originals, whatever the recipe's order.
  const pending = [...recipe.learners];
  while (pending.length > 0) {
    const index = pending.findIndex((l) => l.init.kind === 'seed' || built.has(l.init.of));
    if (index < 0) throw new Error('The recipe has learners that copy each other in a circle.');
    const [spec] = pending.splice(index, 1);
    const model =
      spec.init.kind === 'seed'
        ? createMlp(spec.id, layerSizes(spec.hidden), spec.init.seed)
        : cloneMlp(built.get(spec.init.of)!.model, spec.id);
    const objective = objectiveById(spec.objective.id);
    const hint = spec.hint ? createRegressor(spec, recipe) : null;
    if (objective.needsHint && !hint)
      throw new Error(`Learner "${spec.id}" uses the hint objective but names no hint.`);
    built.set(spec.id, {
      spec,
      model,
      optimizer: new OnePassAdam(recipe.schedule.learningRate),
      objective,
      termNames: [...objective.termNames, ...(hint && !objective.needsHint ? ['hint'] : [])],
      hint,
      stage: spec.stage ?? 0,
      trains: recipe.transfer.labels || objective.id !== 'hard',
    });
  }
  return recipe.learners.map((l) => built.get(l.id)!);
}

/** Glorot-uniform W_r (student units × teacher units), zero b_r, seeded by the learner's seed. */
function createRegressor(spec: LearnerSpec, recipe: Recipe): HintRegressor {
  const hint = spec.hint!;
  const teacher = recipe.teachers.find((t) => t.id === hint.teacher);
  if (!teacher)
    throw new Error(`Learner "${spec.id}" takes a hint from an unknown teacher "${hint.teacher}".`);
  const fanIn = layerSizes(spec.hidden)[hint.studentLayer + 1];
  const fanOut = layerSizes(teacher.hidden)[hint.teacherLayer + 1];
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const seed = spec.init.kind === 'seed' ? spec.init.seed : 0;
  const kernel = tf.tidy(() =>
    tf.variable(tf.randomUniform([fanIn, fanOut], -limit, limit, 'float32', seed * 101 + 77)),
  );
  const bias = tf.tidy(() => tf.variable(tf.zeros([fanOut])));
  return { kernel, bias, ...hint, weight: hint.weight ?? 1 };
}

export function rosterEntries(
  teachers: readonly TeacherMember[],
  learners: readonly LearnerMember[],
): RosterEntry[] {
  const sizesOf = (hidden: TeacherSpec['hidden']) => layerSizes(hidden);
  const teacherEntries = teachers.map((t, i): RosterEntry => {
    const sizes = sizesOf(t.spec.hidden);
    const source = t.spec.source;
    return {
      id: t.spec.id,
      role: 'teacher',
      label: t.spec.label,
      color: t.spec.color ?? TEACHER_COLORS[i % TEACHER_COLORS.length],
      parameters: parameterCount(sizes),
      architecture: sizes.join('-'),
      origin: TEACHER_ORIGIN[source.kind],
      fromLearner: source.kind === 'learner' ? source.learner : undefined,
      combines: source.kind === 'combined' ? [...source.members] : undefined,
      rule: source.kind === 'combined' ? source.rule.kind : undefined,
      lossTerms: source.kind === 'train' ? ['hard'] : [],
      teachers: [],
      trains: source.kind === 'train',
      stage: -1,
      biasAdjustable: false,
    };
  });
  const learnerEntries = learners.map((l, i): RosterEntry => {
    const sizes = sizesOf(l.spec.hidden);
    return {
      id: l.spec.id,
      role: 'learner',
      label: l.spec.label,
      color: l.spec.color ?? LEARNER_COLORS[i % LEARNER_COLORS.length],
      parameters: parameterCount(sizes),
      architecture: sizes.join('-'),
      origin: l.spec.teachers.length > 0 || l.hint ? 'distilled' : 'hard labels',
      objective: l.objective.id,
      temperature: l.spec.objective.temperature,
      alpha: l.spec.objective.alpha,
      params: l.spec.objective.params,
      lossTerms: [...l.termNames],
      teachers: [...l.spec.teachers],
      trains: l.trains,
      stage: l.stage,
      biasAdjustable: l.spec.biasAdjustable ?? false,
    };
  });
  // A combined teacher is as big as its members together.
  for (const entry of teacherEntries) {
    if (!entry.combines) continue;
    const members = teacherEntries.filter((t) => entry.combines!.includes(t.id));
    entry.parameters = members.reduce((sum, t) => sum + t.parameters, 0);
    entry.architecture = `${members.length} × ${members[0]?.architecture ?? ''}`;
  }
  return [...teacherEntries, ...learnerEntries];
}

export function disposeMembers(
  teachers: readonly TeacherMember[],
  learners: readonly LearnerMember[],
): void {
  const owned = new Set(learners.map((l) => l.model));
  for (const t of teachers) {
    // A teacher taken from a learner shares that learner's model: dispose it once.
    if (t.model && !owned.has(t.model)) disposeMlp(t.model);
    if (t.average) disposeMlp(t.average);
    t.optimizer?.dispose();
  }
  for (const l of learners) {
    disposeMlp(l.model);
    l.optimizer.dispose();
    if (l.hint) tf.dispose([l.hint.kernel, l.hint.bias]);
  }
}
