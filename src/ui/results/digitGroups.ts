import type { ModelResult } from './useTestResults.ts';

export interface DigitGroup {
  label: string;
  digits: readonly number[];
}

/** A model's errors on the test digits of one group (e.g. a specialist's half), and how many there are. */
export function groupErrors(
  result: Pick<ModelResult, 'perClassErrors' | 'countPerClass'>,
  group: DigitGroup,
): { errors: number; count: number } {
  let errors = 0;
  let count = 0;
  for (const d of group.digits) {
    errors += result.perClassErrors[d] ?? 0;
    count += result.countPerClass[d] ?? 0;
  }
  return { errors, count };
}
