import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { matMulForBackend } from '../../kernels/denseMatMul.ts';
import type { LearnerMember } from '../members.ts';
import { sessionsOnWasm, smallRecipe, syntheticSplit } from '../testRecipes.testutil.ts';
import { Session } from '../session.ts';
import { splitLearners } from './parallelLockstep.ts';
import { PartnerLink } from './partnerLink.ts';
import { inProcessPartner } from './partnerLink.testutil.ts';

const matMul = matMulForBackend('wasm');
const hyper = { temperature: 4, alpha: 0.5 };
const data = { train: syntheticSplit(640, 1), test: syntheticSplit(200, 2) };
// Odd steps between evaluations, so weights must come back at the right steps.
const recipe = smallRecipe({
  schedule: { epochs: 2, batchSize: 32, learningRate: 0.003, evalEvery: 7 },
});

/** What a run recorded, as numbers to compare. */
function recorded(session: Session) {
  const { evaluations, loss, latest, terms } = session.run.history;
  return { evaluations, loss, latest, terms, steps: session.run.totalSteps };
}

describe('learners split between two workers', () => {
  const openSession = sessionsOnWasm();

  it('record exactly what one worker records: same batches, same targets, same weights', async () => {
    const one = openSession(data, recipe, hyper, { matMul });
    await one.play();
    const alone = structuredClone(recorded(one));
    one.dispose();

    const partner = inProcessPartner('wasm', data.train);
    expect(await partner.ready).toBe(true);
    const two = openSession(data, recipe, hyper, { matMul, partner });
    await two.play();
    expect(two.finished).toBe(true);
    expect(recorded(two)).toEqual(alone);
    // The control student trained in the partner: its curve (40 steps, a point per 10) and its
    // accuracy at each evaluation (steps 0, 7, …, 35 and 40) are there.
    expect(alone.loss.filter((p) => p.terms.control).length).toBe(4);
    expect(alone.evaluations.filter((e) => 'control' in e.accuracy).length).toBe(7);
    partner.close();
  });

  it('steps with the partner: after each step, the partner’s learner here is current', async () => {
    const samples = [0, 1, 2, 3];
    const one = openSession(data, recipe, hyper, { matMul });
    one.run.finishTeachers();
    const alone: number[][] = [];
    for (let k = 0; k < 3; k++) {
      await one.step();
      alone.push(Array.from(one.run.sampleLogits(samples).control));
    }
    expect(one.run.totalSteps).toBe(3);
    one.dispose();

    const partner = inProcessPartner('wasm', data.train);
    const two = openSession(data, recipe, hyper, { matMul, partner });
    two.run.finishTeachers();
    for (let k = 0; k < 3; k++) {
      await two.step();
      expect(Array.from(two.run.sampleLogits(samples).control)).toEqual(alone[k]);
    }
    partner.close();
  });

  it('pauses with a reason when the partner fails mid-run, and keeps what was recorded', async () => {
    const partner = inProcessPartner('wasm', data.train);
    const paused: string[] = [];
    const session = openSession(data, recipe, hyper, {
      matMul,
      partner,
      onPaused: (reason) => paused.push(reason),
    });
    session.run.finishTeachers();
    const playing = session.play();
    while (session.run.totalSteps < 5) await new Promise((r) => setTimeout(r, 1));
    partner.fail('killed by the test');
    await playing;
    expect(session.running).toBe(false);
    expect(paused.join()).toMatch(
      /^Training paused: the second training worker stopped \(killed by the test\)\. .*press Reset/,
    );
    expect(session.run.history.terms.control.map((t) => t.name)).toEqual(['hard']);
  });

  it('pauses with a reason when the partner stops answering (hung), instead of waiting for ever', async () => {
    // A partner that takes every command and never answers.
    const silent = new PartnerLink(
      () => {},
      () => {},
    );
    silent.answerTimeoutMs = 50;
    const paused: string[] = [];
    const session = openSession(data, recipe, hyper, {
      matMul,
      partner: silent,
      onPaused: (reason) => paused.push(reason),
    });
    session.run.finishTeachers();
    await session.play();
    expect(session.running).toBe(false);
    expect(paused.join()).toMatch(
      /^Training paused: the second training worker stopped \(no answer in 0.05 s\)/,
    );
    expect(session.run.totalSteps).toBe(0);
  });

  it('a reset while the partner steps: the next run on the same partner ignores the old replies', async () => {
    const partner = inProcessPartner('wasm', data.train);
    const first = openSession(data, recipe, hyper, { matMul, partner });
    first.run.finishTeachers();
    const playing = first.play();
    while (first.run.totalSteps < 3) await new Promise((r) => setTimeout(r, 1));
    await first.stopped();
    await playing;
    first.dispose();
    await new Promise((r) => setTimeout(r, 20)); // the partner frees the old stage's models
    const tensors = tf.memory().numTensors;

    const one = new Session(data, recipe, hyper, { matMul });
    await one.play();
    const alone = structuredClone(recorded(one));
    one.dispose();
    expect(tf.memory().numTensors).toBe(tensors);

    const second = openSession(data, recipe, hyper, { matMul, partner });
    await second.play();
    expect(recorded(second)).toEqual(alone);
    partner.close();
  });
});

describe('splitLearners', () => {
  const member = (id: string) => ({ spec: { id } }) as unknown as LearnerMember;
  const sizes: Record<string, number> = { a: 100, b: 60, c: 50, d: 10 };
  const params = (l: LearnerMember) => sizes[l.spec.id];

  it('splits by parameters, heaviest first to the lighter side, in the recipe order', () => {
    // a (100) → here; b (60) → partner; c (50): 100 > 60 → partner (110); d (10): 100 ≤ 110 → here.
    const split = splitLearners(['a', 'b', 'c', 'd'].map(member), params);
    expect(split?.local.map((l) => l.spec.id)).toEqual(['a', 'd']);
    expect(split?.remote.map((l) => l.spec.id)).toEqual(['b', 'c']);
  });

  it('does not split one learner', () => {
    expect(splitLearners([member('a')], params)).toBeNull();
  });
});
