import { describe, expect, it } from 'vitest';
import type { EngineEvent, Roster, Snapshot } from '../engine/protocol.ts';
import {
  engineReducer,
  INITIAL_ENGINE_STATE,
  sampleLogitsById,
  type EngineAction,
  type EngineState,
} from './engineState.ts';

const roster = (runId: number): Roster => ({
  runId,
  members: [],
  transferSize: 60_000,
  transferDigits: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  transferLabels: true,
});

const snapshot = (runId: number, step = 0): Snapshot => ({
  runId,
  phase: 'learners',
  running: true,
  epoch: 0,
  step,
  progress: { activity: 'training', done: 0, total: 5, members: [] },
  samplesPerSec: {},
  evaluations: [],
  loss: [],
  latest: {},
  testSize: 10_000,
  terms: {},
  sampleLogits: {},
  hyper: { temperature: 8, alpha: 0.1 },
  tensors: 0,
  seenClassCounts: new Array<number>(10).fill(0),
});

const event = (e: EngineEvent): EngineAction => ({ kind: 'event', event: e });
const run = (...actions: EngineAction[]): EngineState =>
  actions.reduce(engineReducer, INITIAL_ENGINE_STATE);
const evaluation = (runId: number, id: string): EngineAction =>
  event({
    type: 'evaluation',
    evaluation: { runId, id: 1, epoch: 0.5, logits: { [id]: new Float32Array(10) } },
  });

describe('engineReducer', () => {
  it('takes progress snapshots before the first roster, then only the roster’s run', () => {
    const s = run(
      event({ type: 'snapshot', snapshot: snapshot(0) }),
      event({ type: 'roster', roster: roster(1) }),
      event({ type: 'snapshot', snapshot: snapshot(1, 7) }),
      event({ type: 'snapshot', snapshot: snapshot(0, 99) }),
    );
    expect(s.roster?.runId).toBe(1);
    expect(s.snapshot?.step).toBe(7);
  });

  it('after a reset, drops the old run’s late snapshots and evaluations', () => {
    const s = run(
      event({ type: 'roster', roster: roster(1) }),
      evaluation(1, 'distilled'),
      { kind: 'reset' },
      event({ type: 'snapshot', snapshot: snapshot(1, 50) }),
      evaluation(1, 'control'),
    );
    expect(s.evaluations).toEqual({});
    expect(s.snapshot).toBeNull();
    const next = [
      event({ type: 'roster', roster: roster(2) }),
      event({ type: 'snapshot', snapshot: snapshot(2, 1) }),
      evaluation(2, 'distilled'),
    ].reduce(engineReducer, s);
    expect(next.snapshot?.step).toBe(1);
    expect(Object.keys(next.evaluations)).toEqual(['distilled']);
  });

  it('a new roster clears the evaluations of the previous run', () => {
    const s = run(
      event({ type: 'roster', roster: roster(1) }),
      evaluation(1, 'teacher'),
      event({ type: 'roster', roster: roster(2) }),
    );
    expect(s.evaluations).toEqual({});
  });

  it('the preview fills only what the worker has not sent', () => {
    const early = new Float32Array([1]);
    const preview = new Float32Array([2]);
    const s = run(event({ type: 'earlyLogits', member: 'teacher', logits: early }), {
      kind: 'preview',
      samples: { indices: [], labels: [], pixels: new Uint8Array() },
      logits: { teacher: preview },
    });
    expect(s.earlyLogits.teacher).toBe(early);
    expect(s.samples).not.toBeNull();
  });
});

describe('sampleLogitsById', () => {
  it('prefers the snapshot’s logits and keeps early ones for the others', () => {
    const early = new Float32Array([1]);
    const live = new Float32Array([3]);
    const out = sampleLogitsById(
      { teacher: new Float32Array(), distilled: live },
      { teacher: early },
    );
    expect(out.teacher).toBe(early);
    expect(out.distilled).toBe(live);
  });
});

describe('curves kept across snapshots', () => {
  const point = (epoch: number, loss: number) => ({ epoch, terms: { d: { kd: loss } } });
  const withLoss = (runId: number, loss: Snapshot['loss']): Snapshot => ({
    ...snapshot(runId),
    loss: structuredClone(loss),
  });
  const after = (...snapshots: Snapshot[]) =>
    run(
      event({ type: 'roster', roster: roster(1) }),
      ...snapshots.map((s) => event({ type: 'snapshot', snapshot: s })),
    ).snapshot!;

  it('keeps the previous list when the new copy holds the same points', () => {
    const first = withLoss(1, [point(0.1, 2), point(0.2, 1.5)]);
    const kept = after(first, withLoss(1, [point(0.1, 2), point(0.2, 1.5)]));
    expect(kept.loss).toBe(first.loss);
    expect(kept.evaluations).toBe(first.evaluations);
  });

  it('takes the new list when a point is added, or the last one differs, or after halving', () => {
    const first = withLoss(1, [point(0.1, 2), point(0.2, 1.5)]);
    const added = withLoss(1, [point(0.1, 2), point(0.2, 1.5), point(0.3, 1.2)]);
    expect(after(first, added).loss).toBe(added.loss);
    const changed = withLoss(1, [point(0.1, 2), point(0.2, 1.4)]);
    expect(after(first, changed).loss).toBe(changed.loss);
    const halved = withLoss(1, [point(0.2, 1.75)]);
    expect(after(first, halved).loss).toBe(halved.loss);
  });
});
