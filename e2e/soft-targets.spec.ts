import { expect, test, type Page } from '@playwright/test';
import { collectConsoleErrors, firstCardBars, openReady, urlParam } from './helpers';

interface Bar {
  height: number;
  text: string;
  label: string;
}

/**
 * Each bar of the first card: its height as drawn on the card's canvas, in percent of the bar's
 * box (the transparent box over it, as tall as a bar of probability 1), and its probability text.
 * The height is the canvas column under the box's centre summed by opacity, so an antialiased top
 * edge counts by its coverage.
 */
async function readBars(page: Page): Promise<Bar[]> {
  const read = async (model: 'teacher' | 'distilled') =>
    firstCardBars(page, model).evaluateAll((els) =>
      els.map((el) => {
        const canvas = el.closest('.bars')!.querySelector('canvas')!;
        const box = el.getBoundingClientRect();
        const frame = canvas.getBoundingClientRect();
        const ratio = canvas.width / frame.width;
        const x = Math.floor((box.left + box.width / 2 - frame.left) * ratio);
        const bottom = Math.round((box.bottom - frame.top) * ratio);
        const column = canvas.getContext('2d')!.getImageData(x, 0, 1, bottom).data;
        let covered = 0;
        for (let i = 3; i < column.length; i += 4) covered += column[i] / 255;
        return {
          height: (100 * covered) / (box.height * ratio),
          text: el.getAttribute('data-p') ?? '',
          label: el.getAttribute('aria-label') ?? '',
        };
      }),
    );
  return [...(await read('teacher')), ...(await read('distilled'))];
}

test('The log-scale toggle changes the bar heights but not the probability text.', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page);
  await openReady(page);
  const toggle = page.getByRole('checkbox', { name: 'Log scale' });
  await expect(toggle).not.toBeChecked();

  const linear = await readBars(page);
  expect(linear).toHaveLength(20);
  for (const bar of linear) {
    // 3 significant digits; scientific notation below 0.01.
    expect(bar.text).toMatch(/^(?:0\.\d{3}|0\.0\d{3}|1\.00|[1-9]\.\d{2}e-\d+)$/);
    expect(bar.label).toContain(`= ${bar.text}`);
    // On the linear scale a bar's height is its probability.
    expect(Math.abs(bar.height / 100 - Number(bar.text))).toBeLessThan(5e-3);
  }

  await toggle.check();
  await expect.poll(() => urlParam(page, 'log')).toBe('1');
  await expect
    .poll(async () => (await readBars(page)).map((b) => b.height))
    .not.toEqual(linear.map((b) => b.height));
  const log = await readBars(page);
  expect(log.map((b) => b.text)).toEqual(linear.map((b) => b.text));
  expect(log.map((b) => b.label)).toEqual(linear.map((b) => b.label));
  // A log axis lifts small probabilities: no bar gets shorter, those below 1 get taller.
  log.forEach((bar, i) => {
    expect(bar.height).toBeGreaterThanOrEqual(linear[i].height);
    if (Number(bar.text) < 0.9) expect(bar.height).toBeGreaterThan(linear[i].height);
  });

  await toggle.uncheck();
  await expect.poll(() => urlParam(page, 'log')).toBeNull();
  await expect
    .poll(async () => (await readBars(page)).map((b) => b.height))
    .toEqual(linear.map((b) => b.height));
  expect(errors).toEqual([]);
});
