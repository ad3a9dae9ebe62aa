/**
 * The partner worker's state: the training split, and a stage's learners in lockstep on the same
 * batches as the training worker's (learnerLockstep.ts, with the same seed and stage index, so
 * the same batch order). It trains one step per `step` command and answers with the terms the
 * training worker records, so the run's history is the same as with one worker.
 */
import type { MnistSplit } from '../../data/batches.ts';
import { matMulForBackend } from '../../kernels/denseMatMul.ts';
import { LearnerLockstep, type StepMeter, type StepRecorder } from '../learnerLockstep.ts';
import { buildLearners, disposeMembers, type LearnerMember } from '../members.ts';
import { TeacherOutputCache } from '../teacherCache.ts';
import { readLearnerWeights, weightBuffers, writeLearnerWeights } from './learnerWeights.ts';
import type { BackendName } from '../protocol.ts';
import type {
  PartnerCommand,
  PartnerReply,
  PartnerStage,
  PartnerStepResult,
} from './partnerProtocol.ts';

export type PartnerPost = (reply: PartnerReply, transfer?: Transferable[]) => void;

/** Starts a tfjs backend by name; resolves to the one that runs (partner.worker.ts: chooseBackend). */
export type StartBackend = (name: BackendName) => Promise<string>;

/** Collects one step's terms and times, for the reply. */
class StepCollector implements StepRecorder, StepMeter {
  readonly results = new Map<string, PartnerStepResult>();

  private result(id: string): PartnerStepResult {
    let r = this.results.get(id);
    if (!r) this.results.set(id, (r = { id, values: [], ms: 0 }));
    return r;
  }

  recordTerms(
    member: string,
    _names: readonly string[],
    values: readonly number[],
    gradNorms?: readonly number[],
  ): void {
    const r = this.result(member);
    r.values = [...values];
    if (gradNorms) r.gradNorms = [...gradNorms];
  }

  endStep(): void {}

  record(member: string, _samples: number, milliseconds: number): void {
    this.result(member).ms = milliseconds;
  }
}

export class PartnerHost {
  private train: MnistSplit | null = null;
  private matMul = matMulForBackend('cpu');
  private learners: LearnerMember[] = [];
  private lockstep: LearnerLockstep | null = null;
  private stageId = 0;

  constructor(
    private readonly post: PartnerPost,
    private readonly startBackend: StartBackend,
  ) {}

  async handle(command: PartnerCommand): Promise<void> {
    switch (command.type) {
      case 'start': {
        // The same backend as the training worker, so both halves compute alike.
        const backend = await this.startBackend(command.backend);
        if (backend !== command.backend)
          throw new Error(`the ${command.backend} backend did not start here`);
        this.matMul = matMulForBackend(backend);
        this.train = command.train;
        this.post({ type: 'ready', backend });
        return;
      }
      case 'stage':
        return this.startStage(command.stage);
      case 'step':
        return this.step(command.step, command);
      case 'weights': {
        if (command.stageId !== this.stageId) return;
        const weights = this.weights();
        this.post({ type: 'weights', stageId: this.stageId, weights }, weightBuffers(weights));
        return;
      }
      case 'end':
        if (command.stageId === this.stageId) this.endStage();
        return;
    }
  }

  private startStage(stage: PartnerStage): void {
    this.endStage();
    if (!this.train) throw new Error('a stage came before the training data');
    // Built from their specs (seeded, any copy resolved), then given the training worker's weights.
    const recipe = {
      ...stage.recipe,
      learners: stage.learners.map(({ spec }) => ({
        ...spec,
        init: { kind: 'seed' as const, seed: 0 },
      })),
    };
    this.stageId = stage.id;
    this.learners = buildLearners(recipe);
    this.learners.forEach((l, i) => writeLearnerWeights(l, stage.learners[i].weights));
    const cache = new TeacherOutputCache(this.train, stage.transfer);
    cache.importTeachers(stage.outputs);
    this.lockstep = new LearnerLockstep(
      this.train,
      stage.transfer,
      stage.recipe,
      this.learners,
      cache,
      stage.stageIndex,
    );
  }

  private step(step: number, command: Extract<PartnerCommand, { type: 'step' }>): void {
    const lockstep = this.lockstep;
    // A step of a stage that was replaced meanwhile (a reset): nobody waits for it.
    if (command.stageId !== this.stageId) return;
    if (!lockstep) throw new Error('a step came with no stage');
    if (lockstep.step !== step)
      throw new Error(`asked for step ${step} at step ${lockstep.step}: the two workers disagree`);
    const collector = new StepCollector();
    lockstep.trainStep(command.hyper, this.matMul, collector, collector);
    const weights = command.sendWeights ? this.weights() : undefined;
    this.post(
      {
        type: 'stepped',
        stageId: this.stageId,
        step,
        results: [...collector.results.values()],
        weights,
      },
      weights ? weightBuffers(weights) : [],
    );
  }

  private weights(): Record<string, Float32Array[]> {
    return Object.fromEntries(this.learners.map((l) => [l.spec.id, readLearnerWeights(l)]));
  }

  private endStage(): void {
    disposeMembers([], this.learners);
    this.learners = [];
    this.lockstep = null;
  }
}
