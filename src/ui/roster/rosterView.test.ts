import { describe, expect, it } from 'vitest';
import type { RosterEntry } from '../../engine/protocol.ts';
import { combinedMemberIds, describeOrigin, hasMeanEnsemble } from './rosterView.ts';

const entry = (id: string, label: string, rest: Partial<RosterEntry> = {}): RosterEntry => ({
  id,
  label,
  role: 'teacher',
  color: '#000',
  parameters: 1,
  architecture: '784-300-300-10',
  origin: 'trained here',
  lossTerms: [],
  teachers: [],
  trains: false,
  stage: -1,
  biasAdjustable: false,
  ...rest,
});

const ensemble = [
  entry('member-1', 'teacher 1'),
  entry('member-2', 'teacher 2'),
  entry('member-3', 'teacher 3'),
  entry('ensemble', 'ensemble of 3', {
    origin: 'combined',
    combines: ['member-1', 'member-2', 'member-3'],
    rule: 'mean-probabilities',
  }),
];

describe('roster words', () => {
  it('names a combined teacher’s members and its rule', () => {
    expect(describeOrigin(ensemble[3], ensemble)).toBe(
      'ensemble of teacher 1, teacher 2, teacher 3 · mean of probabilities',
    );
    const logits = { ...ensemble[3], rule: 'mean-logits' as const };
    expect(describeOrigin(logits, ensemble)).toBe(
      'ensemble of teacher 1, teacher 2, teacher 3 · mean of logits',
    );
    const specialists = [
      entry('low', 'specialist 0–4'),
      entry('high', 'specialist 5–9'),
      entry('both', 'both specialists', {
        origin: 'combined',
        combines: ['low', 'high'],
        rule: 'specialists',
      }),
    ];
    expect(describeOrigin(specialists[2], specialists)).toBe(
      'product of specialist 0–4 and specialist 5–9',
    );
  });

  it('says which learner a teacher comes from, and a learner’s fixed T', () => {
    const gen1 = entry('gen1', 'generation 1', { role: 'learner', origin: 'distilled' });
    const fromGen1 = entry('gen1-teacher', 'generation 1 as teacher', {
      origin: 'earlier learner',
      fromLearner: 'gen1',
    });
    expect(describeOrigin(fromGen1, [gen1, fromGen1])).toBe('from generation 1');
    const kl = entry('kl-t2', 'KL at T = 2', {
      role: 'learner',
      origin: 'distilled',
      objective: 'hinton',
      temperature: 2,
      teachers: ['member-1'],
      trains: true,
      stage: 0,
    });
    expect(describeOrigin(kl, [...ensemble, kl])).toBe('Hinton KD from teacher 1 · at T = 2');
  });

  it('finds an ensemble that averages, and the teachers a combined one stands for', () => {
    expect(hasMeanEnsemble(ensemble)).toBe(true);
    expect(hasMeanEnsemble(ensemble.slice(0, 3))).toBe(false);
    expect([...combinedMemberIds(ensemble)]).toEqual(['member-1', 'member-2', 'member-3']);
  });
});
