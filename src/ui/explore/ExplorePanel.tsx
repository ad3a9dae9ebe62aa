import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import './explore.css';
import { useTranslation } from 'react-i18next';
import { EXPLORE_VIEWS, type ExploreView } from '../../state/exploreViews.ts';

interface Props {
  view: ExploreView;
  onView: (view: ExploreView) => void;
  /** The open panel's content (only the open one is rendered: closed panels cost nothing). */
  children: ReactNode;
}

/**
 * “Look inside” panels as tabs (WAI-ARIA tabs pattern: arrow keys move between tabs, the open
 * tab is the one in the link as `?explore=`).
 */
export function ExplorePanel({ view, onView, children }: Props) {
  const { t } = useTranslation();
  const tabs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = EXPLORE_VIEWS.indexOf(view);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    const to =
      e.key === 'Home'
        ? 0
        : e.key === 'End'
          ? EXPLORE_VIEWS.length - 1
          : step !== 0
            ? (at + step + EXPLORE_VIEWS.length) % EXPLORE_VIEWS.length
            : -1;
    if (to < 0) return;
    e.preventDefault();
    const next = EXPLORE_VIEWS[to];
    onView(next);
    tabs.current[next]?.focus();
  };
  return (
    <section className="panel explore" aria-labelledby="explore-title">
      <h2 id="explore-title">{t('explore.title')}</h2>
      <div
        className="explore-tabs"
        role="tablist"
        aria-label={t('explore.title')}
        onKeyDown={onKey}
      >
        {EXPLORE_VIEWS.map((v) => (
          <button
            key={v}
            ref={(el) => {
              tabs.current[v] = el;
            }}
            role="tab"
            id={`explore-tab-${v}`}
            aria-selected={v === view}
            aria-controls="explore-body"
            tabIndex={v === view ? 0 : -1}
            className={`explore-tab${v === view ? ' selected' : ''}`}
            onClick={() => onView(v)}
          >
            {t(`explore.tabs.${v}`)}
          </button>
        ))}
      </div>
      <div
        className="explore-body"
        id="explore-body"
        role="tabpanel"
        aria-labelledby={`explore-tab-${view}`}
      >
        {children}
      </div>
    </section>
  );
}
