/**
 * A stage's learners in lockstep: all in this worker, or split with the partner worker when the
 * run has one that works and the stage has two learners or more (partner/parallelLockstep.ts).
 */
import type { MnistSplit } from '../data/batches.ts';
import { parameterCount } from '../models/mlp.ts';
import { LearnerLockstep, type StepMeter, type StepRecorder } from './learnerLockstep.ts';
import type { LearnerMember } from './members.ts';
import type { PartnerLink } from './partner/partnerLink.ts';
import { ParallelLockstep, splitLearners, type WAITING } from './partner/parallelLockstep.ts';
import type { MatMul } from '../kernels/denseMatMul.ts';
import type { Mlp } from '../models/mlp.ts';
import type { LiveHyper } from './protocol.ts';
import type { Recipe } from './recipe.ts';
import { cachedTeachers } from './targets.ts';
import type { TeacherOutputCache } from './teacherCache.ts';

/** What a run needs of a stage's learners in lockstep, in one worker or two. */
export interface StageLockstep {
  readonly step: number;
  readonly epoch: number;
  readonly finished: boolean;
  readonly members: string[];
  readonly seenClassCounts: number[];
  /** A step is under way and waits for the partner's half (never in one worker). */
  readonly busy: boolean;
  evaluated(): { id: string; model: Mlp }[];
  trainStep(
    live: LiveHyper,
    matMul: MatMul,
    history: StepRecorder,
    meter: StepMeter,
  ): string | null | typeof WAITING;
  /** Resolves when a step that waits for the partner can go on. */
  waiting(): Promise<void>;
  /** Brings the partner's learners' weights here; true if they were not current. */
  syncWeights(): Promise<boolean>;
  /** The stage is over or the run replaced. */
  dispose(): void;
}

export interface StageSetup {
  train: MnistSplit;
  transfer: Int32Array;
  recipe: Recipe;
  /** The stage's learners that train, in the recipe's order. */
  learners: LearnerMember[];
  cache: TeacherOutputCache;
  stageIndex: number;
  partner?: PartnerLink;
}

export function stageLockstep(setup: StageSetup): StageLockstep {
  const { train, transfer, recipe, learners, cache, stageIndex, partner } = setup;
  const split =
    partner && !partner.failure
      ? splitLearners(learners, (l) => parameterCount(l.model.sizes))
      : null;
  const local = new LearnerLockstep(
    train,
    transfer,
    recipe,
    split ? split.local : learners,
    cache,
    stageIndex,
  );
  if (!split || !partner) return local;
  const teachers = cachedTeachers(
    recipe,
    split.remote.map((l) => l.spec),
  );
  const stage = { recipe, stageIndex, transfer, outputs: cache.exportTeachers(teachers) };
  return new ParallelLockstep(local, learners, split.remote, partner, stage, {
    evalEvery: recipe.schedule.evalEvery,
  });
}
