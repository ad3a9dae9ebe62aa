import { describe, expect, it } from 'vitest';
import type { RosterEntry } from '../../engine/protocol.ts';
import { accuracyReferences } from './accuracyReferences.ts';

const teacher = (id: string, origin: RosterEntry['origin'], combines?: string[]): RosterEntry => ({
  id,
  label: id,
  role: 'teacher',
  color: '#000',
  parameters: 1,
  architecture: '',
  origin,
  combines,
  lossTerms: [],
  teachers: [],
  trains: origin === 'trained here',
  stage: -1,
  biasAdjustable: false,
});

describe('accuracy references', () => {
  it('draws fixed teachers: pretrained ones and an ensemble of them', () => {
    const members = [
      teacher('a', 'pretrained'),
      teacher('b', 'pretrained'),
      teacher('ensemble', 'combined', ['a', 'b']),
    ];
    const latest = { a: { errors: 100 }, b: { errors: 200 }, ensemble: { errors: 50 } };
    expect(accuracyReferences(members, latest, 10_000)).toEqual([
      { id: 'a', label: 'a', color: '#000', value: 0.99 },
      { id: 'b', label: 'b', color: '#000', value: 0.98 },
      { id: 'ensemble', label: 'ensemble', color: '#000', value: 0.995 },
    ]);
  });

  it('says "pretrained" when there are one or two lines', () => {
    const members = [teacher('teacher', 'pretrained')];
    expect(accuracyReferences(members, { teacher: { errors: 67 } }, 10_000)).toEqual([
      { id: 'teacher', label: 'pretrained teacher', color: '#000', value: 0.9933 },
    ]);
  });

  it('leaves out teachers trained here, a combination of them, and unevaluated ones', () => {
    const members = [
      teacher('low', 'trained here'),
      teacher('high', 'pretrained'),
      teacher('both', 'combined', ['low', 'high']),
    ];
    const latest = { low: { errors: 100 }, both: { errors: 50 } };
    expect(accuracyReferences(members, latest, 10_000)).toEqual([]);
  });
});
