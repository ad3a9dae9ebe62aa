import { useState } from 'react';
import type { Settings } from '../state/settingsSchema.ts';
import { useSettled } from './useSettled.ts';

/** Whether two settings objects hold the same values (settings are flat: numbers, strings, flags). */
export function sameSettings(a: Settings, b: Settings): boolean {
  return (Object.keys(a) as (keyof Settings)[]).every((k) => Object.is(a[k], b[k]));
}

/**
 * The settings as the views a learner is not watching during a drag need them: T and α follow
 * once the hand rests `idleMs`, and at least every `maxMs` during a long drag; the object keeps
 * its identity until a value in it changes, so memoised views skip the renders a slider step
 * would cause. The sliders themselves and the soft-target bars take the live values.
 */
export function useQuietSettings(settings: Settings, idleMs: number, maxMs: number): Settings {
  const temperature = useSettled(settings.temperature, idleMs, maxMs);
  const alpha = useSettled(settings.alpha, idleMs, maxMs);
  const next = { ...settings, temperature, alpha };
  const [kept, setKept] = useState(next);
  // React's pattern for state derived from props: it renders again at once with the new value.
  if (!sameSettings(kept, next)) {
    setKept(next);
    return next;
  }
  return kept;
}
