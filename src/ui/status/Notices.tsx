import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { backendReason } from '../../i18n/backendReason.ts';
import { pauseReason } from '../../i18n/pauseReason.ts';
import type { WordedMessage } from '../../engine/messageWords.ts';
import type { BackendReport } from '../../engine/protocol.ts';
import type { SettingNotice } from '../../state/urlState.ts';
import { noticeText } from '../useUrlSettings.ts';
import { messageText } from './messageText.ts';

interface Props {
  engineNotices: WordedMessage[];
  urlNotices: SettingNotice[];
  backend: BackendReport | null;
  error: (WordedMessage & { fatal: boolean }) | null;
  pausedReason: string | null;
  /** Why the training worker is gone; null while it works. */
  lost: WordedMessage | null;
  onRestart: () => void;
}

/** What went wrong or was changed for the user: bad URL values, backend fallbacks, errors. */
function NoticesView({
  engineNotices,
  urlNotices,
  backend,
  error,
  pausedReason,
  lost,
  onRestart,
}: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'zh' ? 'zh' : 'en';
  const [dismissed, setDismissed] = useState(false);
  const say = (message: WordedMessage) => messageText(message, t, language);
  return (
    <div className="notices">
      {lost && (
        <div className="notice error" role="alert" data-testid="worker-lost">
          <strong>{t('status.notices.trainingStopped')}</strong> {say(lost)}{' '}
          {t('status.notices.kept')}{' '}
          <button className="primary" onClick={onRestart}>
            {t('status.notices.startAgain')}
          </button>{' '}
          <span className="small">{t('status.notices.newRun')}</span>
        </div>
      )}
      {error && (
        <div className="notice error" role="alert" data-testid="error">
          <strong>
            {t(error.fatal ? 'status.notices.cannotContinue' : 'status.notices.error')}
          </strong>{' '}
          {say(error)}
        </div>
      )}
      {pausedReason && (
        <div className="notice warn" role="alert" data-testid="paused-reason">
          {pauseReason(pausedReason, language)}
        </div>
      )}
      {engineNotices.map((notice) => (
        <div key={notice.message} className="notice warn" role="status" data-testid="engine-notice">
          {say(notice)}
        </div>
      ))}
      {backend?.fellBack && (
        <div className="notice warn" role="status" data-testid="backend-fallback">
          <strong>{t('status.notices.backendFallback')}</strong> {backendReason(backend, language)}
        </div>
      )}
      {urlNotices.length > 0 && !dismissed && (
        <div className="notice info" role="status" data-testid="url-notices">
          <strong>{t('status.notices.urlAdjusted')}</strong>
          <ul>
            {urlNotices.map((n, i) => (
              <li key={i}>{noticeText(n, t, language)}</li>
            ))}
          </ul>
          <button className="link" onClick={() => setDismissed(true)}>
            {t('status.notices.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}

export const Notices = memo(NoticesView);
