import { useCallback, useEffect, useState } from 'react';
import type { Settings } from '../state/settingsSchema.ts';
import type { SettingNotice } from '../state/urlState.ts';
import { parseSettings, serializeSettings } from '../state/urlState.ts';

/** Quiet time before the URL follows a change: a slider drag writes once, when it settles. */
const URL_WRITE_DELAY_MS = 200;

function writeUrl(settings: Settings): void {
  const query = serializeSettings(settings, new URLSearchParams(window.location.search));
  const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`)
    window.history.replaceState(null, '', url);
}

/**
 * The page's settings, read once from the URL (with notices for values that were clamped or
 * dropped) and written back to it after every change, so a link always reproduces the page.
 * The write waits for a short pause: history.replaceState forces a style recalculation of the
 * whole page, which at every step of a slider drag cost 25–45 ms of main thread each time.
 */
export function useUrlSettings(): {
  settings: Settings;
  notices: SettingNotice[];
  update: (patch: Partial<Settings>) => void;
} {
  const [initial] = useState(() => parseSettings(window.location.search));
  const [settings, setSettings] = useState<Settings>(initial.settings);

  useEffect(() => {
    const timer = window.setTimeout(() => writeUrl(settings), URL_WRITE_DELAY_MS);
    // Leaving the page before the pause ends still writes it (a newer change restarts the wait).
    const flush = () => writeUrl(settings);
    window.addEventListener('pagehide', flush);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('pagehide', flush);
    };
  }, [settings]);

  const update = useCallback(
    (patch: Partial<Settings>) => setSettings((s) => ({ ...s, ...patch })),
    [],
  );
  return { settings, notices: initial.notices, update };
}
