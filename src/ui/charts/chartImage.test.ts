import { describe, expect, it } from 'vitest';
import { chartSvgDocument, legendLayout } from './chartImage.ts';

const PARTS = {
  title: 'Loss <log> & “scale”',
  legend: [
    { name: 'ab', color: '#123456' },
    { name: 'cdef', color: 'rgb(1, 2, 3)', dash: '4 2', opacity: 0.5 },
  ],
  background: 'rgb(255, 255, 255)',
  text: 'rgb(20, 20, 20)',
  font: 'Inter, "Segoe UI", sans-serif',
};

describe('a chart as a file', () => {
  it('lays the legend out left to right and wraps it at the width', () => {
    // Each entry: 12 px margin, a 22 px sample, 4 px gap, 6.6 px per character, 14 px after.
    expect(legendLayout(PARTS.legend, 200)).toEqual([
      { x: 12, row: 0 },
      { x: 12 + 22 + 4 + 2 * 6.6 + 14, row: 0 },
    ]);
    // 65.2 + 66.4 passes 80 − 12: the second entry starts a row of its own.
    expect(legendLayout(PARTS.legend, 80)).toEqual([
      { x: 12, row: 0 },
      { x: 12, row: 1 },
    ]);
  });

  it('stacks title, legend and plot, and escapes the words', () => {
    const plot = {
      markup: '<svg width="300" height="200"><path d="M0 0L1 1"/></svg>',
      width: 300,
      height: 200,
    };
    const one = chartSvgDocument(PARTS, plot);
    // Title 28 px, one legend row of 18 px, 6 px gap, then the 200 px plot.
    expect(one).toMatchObject({ width: 300, height: 28 + 18 + 6 + 200 });
    expect(one.svg).toContain('<g transform="translate(0 52)"><svg width="300" height="200">');
    expect(one.svg).toContain('Loss &lt;log&gt; &amp; “scale”');
    expect(one.svg).toContain('font-family="Inter, &quot;Segoe UI&quot;, sans-serif"');
    expect(one.svg).toContain(
      'stroke="rgb(1, 2, 3)" stroke-width="1.5" stroke-dasharray="4 2" stroke-opacity="0.5"',
    );
    expect(one.svg).toContain('<rect width="100%" height="100%" fill="rgb(255, 255, 255)"/>');
    // Two rows of legend at 80 px wide: 18 px more.
    expect(chartSvgDocument(PARTS, { ...plot, width: 80 }).height).toBe(28 + 2 * 18 + 6 + 200);
    // No legend, no legend rows.
    expect(chartSvgDocument({ ...PARTS, legend: [] }, plot).height).toBe(28 + 6 + 200);
  });
});
