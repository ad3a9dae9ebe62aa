/** The “look inside” panels, each reachable by a link (`?explore=dark`). Order is the tab order. */
export const EXPLORE_VIEWS = ['limit', 'dark', 'draw', 'mistakes', 'size', 'sweep'] as const;

export type ExploreView = (typeof EXPLORE_VIEWS)[number];

export const EXPLORE_LABELS: Record<ExploreView, string> = {
  limit: 'High-T limit',
  dark: 'Dark knowledge',
  draw: 'Draw a digit',
  mistakes: 'Mistakes',
  size: 'Size trade-off',
  sweep: 'T × α sweep',
};
