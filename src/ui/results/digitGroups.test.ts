import { describe, expect, it } from 'vitest';
import { groupErrors } from './digitGroups.ts';

describe('errors on a digit group', () => {
  it('adds up the per-class errors and counts of the group’s digits', () => {
    const result = {
      perClassErrors: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      countPerClass: [100, 100, 100, 100, 100, 200, 200, 200, 200, 200],
    };
    expect(groupErrors(result, { label: '0–4', digits: [0, 1, 2, 3, 4] })).toEqual({
      errors: 15,
      count: 500,
    });
    expect(groupErrors(result, { label: '5–9', digits: [5, 6, 7, 8, 9] })).toEqual({
      errors: 40,
      count: 1000,
    });
  });
});
