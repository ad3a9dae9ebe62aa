import { memo, startTransition, useEffect, useRef, useState, type ComponentType } from 'react';
import { TurnQueue } from './turnQueue.ts';

/** A little time between two charts' turns, so their frames do not meet. */
const GAP_MS = 20;
/** A turn that never reports (a hidden tab has no animation frames) ends after this long. */
const MAX_TURN_MS = 1000;

const chartTurns = new TurnQueue(GAP_MS, MAX_TURN_MS, {
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
});

/**
 * `props` as the chart should draw them: new props wait for the chart's turn (`turnQueue.ts`),
 * then render in a transition. The first props draw at once. A turn ends two animation frames
 * after the chart commits: recharts applies its store's changes at the next frame, and a change
 * made while it renders at the one after.
 */
export function useChartTurn<P>(props: P, same: (a: P, b: P) => boolean): P {
  const [shown, setShown] = useState(props);
  const [owner] = useState(() => ({}));
  const finish = useRef<(() => void) | null>(null);
  const differs = !same(shown, props);
  useEffect(() => {
    if (!differs) return;
    chartTurns.request(owner, (done) => {
      finish.current = done;
      startTransition(() => setShown(props));
    });
  }, [props, differs, owner]);
  useEffect(() => () => chartTurns.cancel(owner), [owner]);
  useEffect(() => {
    const done = finish.current;
    if (!done) return;
    finish.current = null;
    let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(done)));
    return () => {
      cancelAnimationFrame(frame);
      done();
    };
  }, [shown]);
  return shown;
}

/**
 * A chart that draws new props at its turn: `View` renders only when the shown props change,
 * and `same` says when two props draw the same chart.
 */
export function takingTurns<P extends object>(
  View: ComponentType<P>,
  same: (a: P, b: P) => boolean,
) {
  const Drawn = memo(View, same);
  function ChartTurn(props: P) {
    const shown = useChartTurn(props, same);
    return <Drawn {...shown} />;
  }
  return memo(ChartTurn, same);
}
