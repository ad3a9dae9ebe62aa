import { memo, useState } from 'react';
import type { BackendReport } from '../../engine/protocol.ts';
import type { SettingNotice } from '../../state/urlState.ts';

interface Props {
  engineNotices: string[];
  urlNotices: SettingNotice[];
  backend: BackendReport | null;
  error: { message: string; fatal: boolean } | null;
  pausedReason: string | null;
  /** Why the training worker is gone; null while it works. */
  lost: string | null;
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
  const [dismissed, setDismissed] = useState(false);
  return (
    <div className="notices">
      {lost && (
        <div className="notice error" role="alert" data-testid="worker-lost">
          <strong>Training stopped:</strong> {lost} The curves, results and settings on the page are
          kept.{' '}
          <button className="primary" onClick={onRestart}>
            Start again
          </button>{' '}
          <span className="small">(a new worker and a new run of these settings)</span>
        </div>
      )}
      {error && (
        <div className="notice error" role="alert" data-testid="error">
          <strong>{error.fatal ? 'Cannot continue' : 'Error'}:</strong> {error.message}
        </div>
      )}
      {pausedReason && (
        <div className="notice warn" role="alert" data-testid="paused-reason">
          {pausedReason}
        </div>
      )}
      {engineNotices.map((message) => (
        <div key={message} className="notice warn" role="status" data-testid="engine-notice">
          {message}
        </div>
      ))}
      {backend?.fellBack && (
        <div className="notice warn" role="status" data-testid="backend-fallback">
          <strong>Backend fallback:</strong> {backend.reason}
        </div>
      )}
      {urlNotices.length > 0 && !dismissed && (
        <div className="notice info" role="status" data-testid="url-notices">
          <strong>Some settings in the link were adjusted:</strong>
          <ul>
            {urlNotices.map((n, i) => (
              <li key={i}>{n.message}</li>
            ))}
          </ul>
          <button className="link" onClick={() => setDismissed(true)}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}

export const Notices = memo(NoticesView);
