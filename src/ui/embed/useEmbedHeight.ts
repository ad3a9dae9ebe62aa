import { useEffect } from 'react';

/** The message an embedded page sends its host whenever its content height changes. */
export const HEIGHT_MESSAGE = 'kd-playground:height';

export interface HeightMessage {
  type: typeof HEIGHT_MESSAGE;
  /** CSS pixels the frame needs to show everything without a scroll bar. */
  height: number;
}

/**
 * In an iframe, tells the host page the content height (postMessage), so the host can size the
 * frame to it: the snippet from the Share dialog listens for it. The message holds only a number,
 * so any host may read it ('*').
 */
export function useEmbedHeight(enabled: boolean): void {
  useEffect(() => {
    if (!enabled || window.parent === window) return;
    let last = -1;
    const post = () => {
      const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      const message: HeightMessage = { type: HEIGHT_MESSAGE, height };
      window.parent.postMessage(message, '*');
    };
    const observer = new ResizeObserver(post);
    observer.observe(document.body);
    post();
    return () => observer.disconnect();
  }, [enabled]);
}
