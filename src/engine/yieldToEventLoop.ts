/**
 * Lets queued messages run, then resumes. A MessageChannel post is a macrotask that, unlike
 * setTimeout(0), is not clamped to 4 ms, and unlike requestAnimationFrame (what tf.nextFrame
 * uses) it keeps running in hidden tabs.
 */
const channel = typeof MessageChannel === 'undefined' ? null : new MessageChannel();
const waiting: (() => void)[] = [];
if (channel) channel.port1.onmessage = () => waiting.shift()?.();

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (!channel) {
      setTimeout(resolve, 0);
      return;
    }
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}
