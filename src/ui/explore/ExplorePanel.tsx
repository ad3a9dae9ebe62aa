import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import './explore.css';
import { EXPLORE_LABELS, EXPLORE_VIEWS, type ExploreView } from '../../state/exploreViews.ts';

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
      <h2 id="explore-title">Look inside</h2>
      <div className="explore-tabs" role="tablist" aria-label="Look inside" onKeyDown={onKey}>
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
            {EXPLORE_LABELS[v]}
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
