import { useEffect, useRef, useState } from 'react';

/**
 * `value`, passed on at most once per `intervalMs` (the latest one wins, so the last value always
 * arrives). For what is costly to redraw (a recharts chart, a KaTeX formula) and needs no more
 * than a few updates a second.
 */
export function useThrottled<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const wait = last.current + intervalMs - performance.now();
    const timer = window.setTimeout(
      () => {
        last.current = performance.now();
        setShown(value);
      },
      Math.max(0, wait),
    );
    return () => window.clearTimeout(timer);
  }, [value, intervalMs]);
  return shown;
}
