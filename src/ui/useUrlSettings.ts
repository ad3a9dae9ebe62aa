import { useCallback, useEffect, useState } from 'react';
import type { Settings } from '../state/settingsSchema.ts';
import type { SettingNotice } from '../state/urlState.ts';
import { parseSettings, serializeSettings } from '../state/urlState.ts';

/**
 * The page's settings, read once from the URL (with notices for values that were clamped or
 * dropped) and written back to it on every change, so a link always reproduces the page.
 */
export function useUrlSettings(): {
  settings: Settings;
  notices: SettingNotice[];
  update: (patch: Partial<Settings>) => void;
} {
  const [initial] = useState(() => parseSettings(window.location.search));
  const [settings, setSettings] = useState<Settings>(initial.settings);

  useEffect(() => {
    const query = serializeSettings(settings, new URLSearchParams(window.location.search));
    const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
    window.history.replaceState(null, '', url);
  }, [settings]);

  const update = useCallback(
    (patch: Partial<Settings>) => setSettings((s) => ({ ...s, ...patch })),
    [],
  );
  return { settings, notices: initial.notices, update };
}
