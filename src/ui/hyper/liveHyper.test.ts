import { describe, expect, it } from 'vitest';
import { LiveHyper } from './liveHyper.ts';

describe('the sliders’ live T and α', () => {
  it('shows a slider step at once and tells its subscribers', () => {
    const live = new LiveHyper({ temperature: 2, alpha: 0.5 });
    let calls = 0;
    live.subscribe(() => calls++);
    live.move({ temperature: 3 });
    expect(live.get()).toEqual({ temperature: 3, alpha: 0.5 });
    expect(live.temperature()).toBe(3);
    expect(calls).toBe(1);
    live.move({ temperature: 3 });
    expect(calls).toBe(1);
  });

  it('does not go back to an older slider value that the settings commit late', () => {
    const live = new LiveHyper({ temperature: 2, alpha: 0.5 });
    live.move({ temperature: 3 });
    live.move({ temperature: 4 });
    live.follow({ temperature: 3, alpha: 0.5 });
    expect(live.temperature()).toBe(4);
    // The settings catch up; from then on they lead again (a preset, a lesson step).
    live.follow({ temperature: 4, alpha: 0.5 });
    live.follow({ temperature: 8, alpha: 0.1 });
    expect(live.get()).toEqual({ temperature: 8, alpha: 0.1 });
  });

  it('takes values the settings bring when no slider is ahead, and stops telling after unsubscribe', () => {
    const live = new LiveHyper({ temperature: 2, alpha: 0.5 });
    let calls = 0;
    const stop = live.subscribe(() => calls++);
    live.follow({ temperature: 2, alpha: 0.5 });
    expect(calls).toBe(0);
    live.follow({ temperature: 5, alpha: 0.5 });
    expect(calls).toBe(1);
    stop();
    live.follow({ temperature: 6, alpha: 0.5 });
    expect(calls).toBe(1);
    expect(live.temperature()).toBe(6);
  });
});
