import { describe, expect, it } from 'vitest';
import type { RosterEntry } from '../engine/protocol.ts';
import { curvesToCsv } from './curvesToCsv.ts';

const m = (id: string, label: string) => ({ id, label }) as RosterEntry;

describe('curves as CSV', () => {
  it('writes one row per point, quoting labels with commas and quotes', () => {
    const csv = curvesToCsv(
      [m('d', 'student, "distilled"'), m('t', 'teacher')],
      [
        {
          epoch: 0.5,
          accuracy: { t: 0.99, d: 0.9 },
          agreement: { d: 0.95 },
          kl: { d: Number.NaN },
        },
      ],
      [{ epoch: 0.25, terms: { d: { hard: 0.125, soft: 2 } } }],
    );
    expect(csv).toBe(
      [
        'series,member,measure,epoch,value',
        'test,teacher,accuracy,0.5,0.99',
        'test,"student, ""distilled""",accuracy,0.5,0.9',
        'test,"student, ""distilled""",agreement,0.5,0.95',
        'training,"student, ""distilled""",loss:hard,0.25,0.125',
        'training,"student, ""distilled""",loss:soft,0.25,2',
        '',
      ].join('\r\n'),
    );
  });
});
