import { startTransition, useEffect, useState } from 'react';

/**
 * Whether the pointer holds a range slider of the page down (from press to release). The release
 * comes in a transition: the views' catch-up renders in slices, not in one long task.
 */
export function useSliderHeld(): boolean {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    const press = (event: PointerEvent) => {
      if (event.target instanceof HTMLInputElement && event.target.type === 'range') setHeld(true);
    };
    const release = () => startTransition(() => setHeld(false));
    document.addEventListener('pointerdown', press, true);
    window.addEventListener('pointerup', release, true);
    window.addEventListener('pointercancel', release, true);
    window.addEventListener('blur', release);
    return () => {
      document.removeEventListener('pointerdown', press, true);
      window.removeEventListener('pointerup', release, true);
      window.removeEventListener('pointercancel', release, true);
      window.removeEventListener('blur', release);
    };
  }, []);
  return held;
}

/**
 * `value` as it was when `held` began, for as long as it lasts; `value` itself otherwise.
 * (State adjusted while rendering: React's pattern for following a prop.)
 */
export function useHeldWhile<T>(value: T, held: boolean): T {
  const [kept, setKept] = useState(value);
  if (!held && kept !== value) setKept(value);
  return held ? kept : value;
}
