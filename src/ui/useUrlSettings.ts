import { useCallback, useEffect, useRef, useState } from 'react';
import { lessonText, type Language } from '../i18n/i18n.ts';
import { lessonById } from '../lessons/lessonSettings.ts';
import type { Settings } from '../state/settingsSchema.ts';
import type { NamedOptions, SettingNotice, Why } from '../state/urlState.ts';
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

  const latest = useRef(settings);
  useEffect(() => {
    latest.current = settings;
    const timer = window.setTimeout(() => writeUrl(settings), URL_WRITE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [settings]);
  // Leaving the page before the pause ends still writes it. One listener for the page's life:
  // adding and removing it at every slider step cost ~1 ms each (a Chromium profile).
  useEffect(() => {
    const flush = () => writeUrl(latest.current);
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, []);

  const update = useCallback(
    (patch: Partial<Settings>) => setSettings((s) => ({ ...s, ...patch })),
    [],
  );
  return { settings, notices: initial.notices, update };
}

/** i18next's t, as the notices' words need it. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * A link's notice in the page's language, from its data (notice.detail). In English it is the
 * notice's own message, word for word (urlState.fuzz.test.ts checks it).
 */
export function noticeText(notice: SettingNotice, t: Translate, language: Language): string {
  const words: Translate = (key, values) => t(`settings.notices.${key}`, values);
  const { detail, urlKey } = notice;
  switch (detail.kind) {
    case 'unknownKey':
      return detail.near === undefined
        ? words('unknownKey', { given: detail.given })
        : words('unknownKeyNear', { given: detail.given, near: detail.near });
    case 'repeated':
      return words('repeated', { urlKey, times: detail.times, given: detail.given });
    case 'value':
      return words('value', { urlKey, given: detail.given, reason: whyText(detail.why, words) });
    case 'stepPastEnd': {
      const lesson = lessonById(detail.lesson);
      return words('stepPastEnd', {
        urlKey,
        given: detail.given,
        lesson: lesson ? lessonText(lesson, language).title : detail.lesson,
        steps: detail.steps,
        used: detail.used,
      });
    }
    case 'stepWithoutLesson':
      return words('stepWithoutLesson', { urlKey, given: detail.given });
  }
}

/** The end of a value's notice: why it was not taken as given, and what is used instead. */
function whyText(why: Why, words: Translate): string {
  const options = (named: NamedOptions) => {
    const listed = named.listed.join(words('listSeparator'));
    return named.total > named.listed.length
      ? words('listCut', { listed, total: named.total })
      : listed;
  };
  switch (why.kind) {
    case 'aboveMax':
    case 'belowMin':
      return words(`reasons.${why.kind}`, { limit: why.limit, used: why.used });
    case 'notWhole':
      return words('reasons.notWhole', { used: why.used });
    case 'rounded': {
      const { precision } = why;
      const how =
        precision.by === 'step'
          ? words('precision.step', { step: precision.step })
          : precision.by === 'digits'
            ? words('precision.digits', { digits: precision.digits })
            : words('precision.stored');
      return words('reasons.rounded', { precision: how, used: why.used });
    }
    case 'nearest':
      return words('reasons.nearest', { options: options(why.options), used: why.used });
    case 'fallback': {
      const { problem } = why;
      const what =
        problem.kind === 'notOption' || problem.kind === 'notNameList'
          ? words(`problems.${problem.kind}`, { options: options(problem.options) })
          : words(`problems.${problem.kind}`);
      return words('reasons.fallback', { problem: what, used: why.used });
    }
    case 'notDigits':
      return words('reasons.notDigits', { used: why.used || words('none') });
    case 'unknownNames':
      return words(why.unknown === 1 ? 'reasons.unknownName' : 'reasons.unknownNames', {
        unknown: why.unknown,
        options: options(why.options),
        used: why.used || words('none'),
      });
  }
}
