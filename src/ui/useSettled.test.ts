import { describe, expect, it } from 'vitest';
import { settleDelay } from './useSettled.ts';

describe('settleDelay', () => {
  it('waits the idle time after a first change', () => {
    expect(settleDelay(1000, 1000, 150, 1000)).toBe(150);
  });
  it('keeps waiting the idle time while changes come early in the pending window', () => {
    // Pending since t = 1000, a new change at 1400: 600 ms of the 1000 ms budget are left.
    expect(settleDelay(1400, 1000, 150, 1000)).toBe(150);
  });
  it('passes the value on when the longest wait runs out, even if the changes go on', () => {
    // At 1900 only 100 ms of the budget are left (1000 + 1000 − 1900), less than the idle time.
    expect(settleDelay(1900, 1000, 150, 1000)).toBe(100);
    expect(settleDelay(2000, 1000, 150, 1000)).toBe(0);
    expect(settleDelay(2300, 1000, 150, 1000)).toBe(0);
  });
});
