import { describe, expect, it } from 'vitest';
import * as kd from './index.ts';

describe('kd index', () => {
  it('re-exports every function of the kd core', () => {
    const names = [
      'softmaxAt',
      'logSoftmaxAt',
      'softmaxRows',
      'kdLoss',
      'hardLabelLoss',
      'logitMatchingMse',
      'logitMatchingLoss',
      'argmaxRows',
      'countErrors',
      'confusionMatrix',
    ] as const;
    for (const name of names) expect(typeof kd[name]).toBe('function');
  });
});
