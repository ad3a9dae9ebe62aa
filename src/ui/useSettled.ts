import { useEffect, useRef, useState } from 'react';

/**
 * How long to wait before passing on a changed value: until it has rested `idleMs`, but no longer
 * than `maxMs` after the first change not yet passed on (`pendingSince`, in ms like `now`).
 */
export function settleDelay(now: number, pendingSince: number, idleMs: number, maxMs: number) {
  return Math.max(0, Math.min(idleMs, pendingSince + maxMs - now));
}

/**
 * `value`, passed on once it rests for `idleMs` (a hand that pauses on a slider), and at least
 * every `maxMs` while it keeps changing: for views that need not follow each step of a drag.
 */
export function useSettled<T>(value: T, idleMs: number, maxMs: number): T {
  const [shown, setShown] = useState(value);
  const pendingSince = useRef<number | null>(null);
  useEffect(() => {
    if (Object.is(value, shown)) {
      pendingSince.current = null;
      return;
    }
    const now = performance.now();
    pendingSince.current ??= now;
    const timer = window.setTimeout(
      () => {
        pendingSince.current = null;
        setShown(value);
      },
      settleDelay(now, pendingSince.current, idleMs, maxMs),
    );
    return () => window.clearTimeout(timer);
  }, [value, shown, idleMs, maxMs]);
  return shown;
}
