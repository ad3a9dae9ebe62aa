import { startTransition, useEffect, useLayoutEffect, useState, useSyncExternalStore } from 'react';
import type { Command } from '../../engine/protocol.ts';

/** T and α: the two settings that act live, from the next batch. */
export interface Hyper {
  temperature: number;
  alpha: number;
}

/**
 * T and α as the sliders show them, ahead of the page's settings. A slider step renders only the
 * views that subscribe here (the sliders, the soft-target bars); the settings, and with them every
 * other view, the worker and the link, follow in a transition that a next step may interrupt
 * (bench/results.md, *Responsiveness*).
 */
export class LiveHyper {
  private value: Hyper;
  /** A slider's value the settings have not caught up with yet. */
  private ahead = false;
  private readonly listeners = new Set<() => void>();

  constructor(initial: Hyper) {
    this.value = { temperature: initial.temperature, alpha: initial.alpha };
  }

  readonly get = (): Hyper => this.value;
  readonly temperature = (): number => this.value.temperature;
  readonly alpha = (): number => this.value.alpha;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A slider moved: the subscribers show it now. */
  move(patch: Partial<Hyper>): void {
    const next = { ...this.value, ...patch };
    if (next.temperature === this.value.temperature && next.alpha === this.value.alpha) return;
    this.value = next;
    this.ahead = true;
    this.listeners.forEach((listener) => listener());
  }

  /**
   * The settings' T and α, once committed. They catch up with the sliders, or, when nothing is
   * ahead (a preset, a lesson step, a link), they are the new values; an older slider value that
   * commits late is not shown again.
   */
  follow(settings: Hyper): void {
    const same =
      settings.temperature === this.value.temperature && settings.alpha === this.value.alpha;
    if (same) {
      this.ahead = false;
      return;
    }
    if (this.ahead) return;
    this.value = { temperature: settings.temperature, alpha: settings.alpha };
    this.listeners.forEach((listener) => listener());
  }
}

/** Moves a slider: shown at once through `live`; `onSettings` runs at low priority. */
export function moveHyper(
  live: LiveHyper,
  patch: Partial<Hyper>,
  onSettings: (patch: Partial<Hyper>) => void,
): void {
  live.move(patch);
  startTransition(() => onSettings(patch));
}

/** T as the sliders show it now. */
export const useLiveTemperature = (live: LiveHyper): number =>
  useSyncExternalStore(live.subscribe, live.temperature);

/** α as the sliders show it now. */
export const useLiveAlpha = (live: LiveHyper): number =>
  useSyncExternalStore(live.subscribe, live.alpha);

/**
 * The page's live T and α: the sliders' store, which follows what the settings say, and the
 * worker, which applies the settings' T and α from its next batch.
 */
export function useLiveHyper(
  { temperature, alpha }: Hyper,
  send: (command: Command) => void,
): LiveHyper {
  const [live] = useState(() => new LiveHyper({ temperature, alpha }));
  useLayoutEffect(() => live.follow({ temperature, alpha }), [live, temperature, alpha]);
  useEffect(
    () => send({ type: 'setHyper', hyper: { temperature, alpha } }),
    [send, temperature, alpha],
  );
  return live;
}
