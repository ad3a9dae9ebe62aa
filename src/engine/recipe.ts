/**
 * What a run is, as plain data: its teachers, its learners (each with an objective and the
 * teachers it listens to), the transfer set and the schedule. The engine runs any recipe; the
 * page draws any roster; presets are recipes (state/presets.ts) and the settings table maps the
 * URL to one (state/toRecipe.ts). Modelled on torchdistill's one-config-per-experiment and on
 * the Keras 3 Distiller (a student, teachers, and a list of weighted loss objects).
 */
import type { CombineRule } from '../kd/combineRule.ts';
import type { ObjectiveId, ObjectiveParams } from '../kd/objective.ts';
import type { HiddenLayers } from '../models/architectures.ts';
import { say, WordedError } from './messageWords.ts';

/** The id of the teacher in the default roster (one teacher, distilled and control learners). */
export const TEACHER_ID = 'teacher';

/** Where a teacher's weights come from. */
export type TeacherSource =
  /**
   * A weights file in public/models: `file` names `<file>.json` + `<file>.bin`; where it cannot
   * be loaded, the teacher is trained here with `fallback` (and the page says so).
   */
  | { kind: 'pretrained'; file: string; fallback?: TeacherTraining }
  /** Trained here first, with hard labels, on the training split (or only `digits` of it). */
  | { kind: 'train'; training: TeacherTraining }
  /** An earlier learner of the same run (born-again, teacher assistant), frozen once trained. */
  | { kind: 'learner'; learner: string }
  /**
   * Other teachers of the run combined (an ensemble's mean, or specialists' product): it has no
   * weights of its own; its targets and test errors are computed from its members' outputs.
   */
  | { kind: 'combined'; members: readonly string[]; rule: CombineRule };

export interface TeacherTraining {
  epochs: number;
  /** Seed of its initial weights and dropout masks. */
  seed: number;
  /** Digit classes it trains on; all ten when absent. */
  digits?: readonly number[];
  /**
   * Relabels the training digits (label → labelMap[label]): a specialist keeps its own classes
   * and maps every other digit to its "none of mine" slot (Hinton et al. 2015, §5).
   */
  labelMap?: readonly number[];
  /** Random translations of up to this many pixels (Hinton et al. 2015 used 2). Default 0. */
  shift?: number;
  /** Learning rate × decay^epoch. Default 1 (constant). */
  learningRateDecay?: number;
  /** Keep an exponential moving average of the weights (Polyak averaging) with this decay; it becomes the teacher. */
  weightAverage?: number;
  /**
   * Label smoothing ε: the teacher learns (1 − ε)·onehot + ε/K instead of one-hot labels
   * (kdLoss.ts labelSmoothedLoss). Müller et al. (2019) report that it makes a worse teacher.
   */
  labelSmoothing?: number;
  /** Dropout on inputs and hidden units; default TEACHER_DROPOUT. */
  dropout?: { input: number; hidden: number };
  /** Epochs already done (a resumed teacher): batch order, dropout and decay go on from there. */
  startEpoch?: number;
  /** Start from these stored weights (a pretrained file name) instead of fresh ones: a resumed teacher. */
  initialWeights?: string;
}

export interface TeacherSpec {
  id: string;
  label: string;
  hidden: HiddenLayers;
  source: TeacherSource;
  /**
   * Dropout left on while it makes its targets: a teacher left in training mode, the classic
   * silent bug (a missing `model.eval()`). The masks are drawn once, when its outputs on the
   * transfer set are cached; its test errors are still measured in inference mode, so its row of
   * the results table looks healthy.
   */
  dropoutWhileTeaching?: { input: number; hidden: number };
  /** A CSS colour; the roster picks one when absent. */
  color?: string;
}

/** A learner's first weights: fresh from a seed, or a copy of another learner's (a twin). */
export type LearnerInit = { kind: 'seed'; seed: number } | { kind: 'copy'; of: string };

export interface LearnerObjective {
  id: ObjectiveId;
  /** Fixed T for this learner; absent = the live T slider. */
  temperature?: number;
  /** Fixed α for this learner; absent = the live α slider. */
  alpha?: number;
  params?: ObjectiveParams;
}

/** How several teachers' outputs become one target (an ensemble). */
export type TeacherCombination = 'mean-logits' | 'mean-probabilities';

export interface LearnerSpec {
  id: string;
  label: string;
  hidden: HiddenLayers;
  init: LearnerInit;
  objective: LearnerObjective;
  /** Ids of the teachers whose outputs it learns from (none for a hard-label learner). */
  teachers: readonly string[];
  /** How its teachers combine when there are several. Default 'mean-logits'. */
  combine?: TeacherCombination;
  /**
   * Learners of one stage train in lockstep on the same batches; stage k starts after k − 1.
   * Default 0. A learner that copies one of an earlier stage copies it as it is when its stage starts.
   */
  stage?: number;
  /** Whether the page's bias control acts on it (the paper's bias shift). */
  biasAdjustable?: boolean;
  /**
   * A FitNets hint (Romero et al. 2015): a learned linear map of its hidden layer `studentLayer`
   * regresses `teacher`'s hidden layer `teacherLayer` (0 = first hidden layer). With the 'hint'
   * objective it is the whole loss (a first stage); with any other it is added, weighted by `weight`.
   */
  hint?: { teacher: string; teacherLayer: number; studentLayer: number; weight?: number };
  color?: string;
}

export interface TransferSpec {
  /** Digit classes the learners may see. */
  digits: readonly number[];
  /** Share of the 60,000 training digits, a seeded subset taken before the digit filter. */
  fraction: number;
  /** False: unlabeled, α is 0 and hard-label learners cannot train. */
  labels: boolean;
}

export interface Schedule {
  /** Epochs over the transfer set, per stage of learners. */
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Evaluate on the test set every this many training steps. */
  evalEvery: number;
}

export interface Recipe {
  /** Seeds the transfer subset and the batch order. */
  seed: number;
  teachers: readonly TeacherSpec[];
  learners: readonly LearnerSpec[];
  transfer: TransferSpec;
  schedule: Schedule;
}

/** Throws with a message a person can act on when a recipe cannot run. */
export function validateRecipe(recipe: Recipe): void {
  const ids = new Set<string>();
  for (const m of [...recipe.teachers, ...recipe.learners]) {
    if (ids.has(m.id)) throw new Error(`The recipe names "${m.id}" twice.`);
    ids.add(m.id);
  }
  const teacherIds = new Set(recipe.teachers.map((t) => t.id));
  const learnerIds = new Set(recipe.learners.map((l) => l.id));
  for (const t of recipe.teachers) {
    if (t.source.kind === 'learner' && !learnerIds.has(t.source.learner))
      throw new Error(`Teacher "${t.id}" comes from an unknown learner "${t.source.learner}".`);
    if (t.source.kind === 'combined')
      for (const m of t.source.members)
        if (!teacherIds.has(m) || m === t.id)
          throw new Error(`Teacher "${t.id}" combines an unknown teacher "${m}".`);
  }
  for (const l of recipe.learners) {
    for (const t of l.teachers)
      if (!teacherIds.has(t))
        throw new Error(`Learner "${l.id}" listens to an unknown teacher "${t}".`);
    for (const t of l.teachers) {
      const source = recipe.teachers.find((x) => x.id === t)?.source;
      const from =
        source?.kind === 'learner'
          ? recipe.learners.find((x) => x.id === source.learner)
          : undefined;
      if (from && (from.stage ?? 0) >= (l.stage ?? 0))
        throw new Error(
          `Learner "${l.id}" learns from "${t}", which only exists after its own stage.`,
        );
    }
    if (l.init.kind === 'copy' && !learnerIds.has(l.init.of))
      throw new Error(`Learner "${l.id}" copies an unknown learner "${l.init.of}".`);
  }
  if (recipe.transfer.digits.length === 0) throw new WordedError(say('engine.emptyTransfer'));
}
