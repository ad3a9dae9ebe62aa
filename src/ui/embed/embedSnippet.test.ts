import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../state/settingsSchema.ts';
import { parseSettings } from '../../state/urlState.ts';
import { embedSettings, embedSnippet, embedUrl, suggestedHeight } from './embedSnippet.ts';

const PAGE = 'https://kd.example.org/play/';

describe('the embed builder', () => {
  it('links a lesson with two panels, the others hidden, settings locked', () => {
    const current = { ...DEFAULT_SETTINGS, temperature: 3, seed: 5 };
    const choice = { lesson: 'missing-3', show: ['lesson', 'results'], lock: true } as const;
    expect(embedUrl(PAGE, current, choice)).toBe(
      `${PAGE}?lesson=missing-3&embed=1&hide=controls%2Cruns%2Csettings%2Cpresets%2Ctargets%2Ccharts%2Cexplore%2Cperclass&lock=1`,
    );
    // The link reads back as the lesson's first step (not the page's T or seed).
    const read = parseSettings(new URL(embedUrl(PAGE, current, choice)).search);
    expect(read.notices).toEqual([]);
    expect(read.settings).toEqual(embedSettings(current, choice));
    expect(read.settings).toMatchObject({ preset: 'missing-3', temperature: 20, seed: 1 });
  });

  it('without a lesson, embeds the page as it is now', () => {
    const current = { ...DEFAULT_SETTINGS, temperature: 3, seed: 5, lesson: 'none' as const };
    const all = [
      'lesson',
      'controls',
      'results',
      'runs',
      'settings',
      'presets',
      'targets',
      'charts',
      'explore',
      'perclass',
    ] as const;
    expect(embedUrl(PAGE, current, { lesson: 'none', show: all, lock: false })).toBe(
      `${PAGE}?T=3&seed=5&embed=1`,
    );
  });

  it('suggests the sum of the panels’ typical heights and the frame’s chrome', () => {
    expect(suggestedHeight([])).toBe(90);
    expect(suggestedHeight(['lesson', 'targets'])).toBe(90 + 300 + 14 + 330 + 14);
  });

  it('gives an iframe with a title, and a listener that checks the sender', () => {
    const snippet = embedSnippet(PAGE, DEFAULT_SETTINGS, {
      lesson: 'temperature',
      show: ['lesson', 'targets'],
      lock: true,
    });
    expect(snippet).toContain(
      `<iframe id="kd-playground" src="${PAGE}?lesson=temperature&amp;embed=1&amp;hide=`,
    );
    expect(snippet).toContain('title="KD Playground lesson: Why temperature"');
    expect(snippet).toContain('height="748"');
    expect(snippet).toContain(
      "if (e.origin !== 'https://kd.example.org' || e.source !== frame.contentWindow) return;",
    );
    expect(snippet).toContain("e.data.type === 'kd-playground:height'");
  });
});
