import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectPhase, openReady } from './helpers.ts';

/**
 * axe-core on every panel of the page, in both themes: no serious or critical violation of
 * WCAG 2.1 A/AA. Plus the keyboard: a learner reaches Train with Tab, sees where the focus is,
 * and starts training with Enter.
 */
const DIR = 'test-results/screenshots';

/** Serious and critical violations on the page, or only inside `include` (a CSS selector). */
async function seriousViolations(page: Page, where: string, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const result = await (include ? builder.include(include) : builder).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) at ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1] ?? ''}`)
          .join('; ')}`,
    );
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation on any panel, ${theme} theme`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    await openReady(page, `theme=${theme}&student=30-30&lesson=missing-3&step=2`);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const found: string[] = [];
    // Every chart's table view open, so its table is checked too.
    for (const summary of await page.getByText('As a table', { exact: true }).all())
      await summary.click();
    found.push(...(await seriousViolations(page, 'page')));
    const tabs = page.getByRole('tablist', { name: 'Look inside' }).getByRole('tab');
    // Every tab in the light theme; in the dark one, the tabs with colours of their own (the
    // heatmaps): the others share the page's colours, checked above.
    const names = await tabs.allInnerTexts();
    const checked =
      theme === 'light' ? names : names.filter((n) => /Dark knowledge|sweep|Mistakes/.test(n));
    for (const name of checked) {
      await tabs.filter({ hasText: name }).click();
      await expect(tabs.filter({ hasText: name })).toHaveAttribute('aria-selected', 'true');
      await page.waitForTimeout(300);
      // The rest of the page was checked above; only the open panel changed.
      found.push(...(await seriousViolations(page, `Look inside: ${name}`, '#explore-body')));
    }
    await page.getByRole('button', { name: 'Share / embed' }).click();
    await expect(page.getByRole('dialog', { name: 'Share / embed' })).toBeVisible();
    found.push(...(await seriousViolations(page, 'Share dialog', '.share-dialog')));
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Dark knowledge' }).click();
    await page.screenshot({ path: `${DIR}/theme-${theme}-1280.png`, fullPage: true });
    expect(found).toEqual([]);
  });
}

test('The dark theme follows the system, and at 390 px nothing overflows', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 390, height: 844 });
  await openReady(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).not.toBe('rgb(245, 246, 250)');
  await page.screenshot({ path: `${DIR}/theme-dark-390.png` });
  // The learner switches to light; the link keeps it.
  await page.getByLabel('Theme').selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page).toHaveURL(/theme=light/);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(391);
});

test('From the keyboard alone: Tab reaches Train with a visible focus ring, Enter starts training', async ({
  page,
}) => {
  await openReady(page, 'student=30-30&fraction=0.05');
  const train = page.getByRole('button', { name: '▶ Train' });
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await train.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(train).toBeFocused();
  const ring = await train.evaluate((el) => {
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  expect(ring.style).not.toBe('none');
  expect(ring.width).toBeGreaterThanOrEqual(2);
  await page.keyboard.press('Enter');
  await expectPhase(page, /caching|learners|done/, 60_000);
});

/**
 * Text on the page (and in labels and tooltips) with three or more English words (of two letters or more) in a row: an
 * untranslated string. Allowed: the paper's title, and code a host copies (the iframe snippet).
 */
async function englishRuns(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const el = walker.currentNode.parentElement;
      if (el && !el.closest('script, style, .katex, textarea, [aria-hidden="true"]'))
        out.push(walker.currentNode.textContent ?? '');
    }
    for (const el of document.querySelectorAll('[aria-label], [title]'))
      out.push(`${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''}`);
    return out;
  });
  return texts
    .filter((t) => /[A-Za-z]{2,}\s+[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(t))
    .filter((t) => !/Distilling the Knowledge|<iframe|SwiftShader/.test(t));
}

test('In Chinese (?lang=zh) the lesson, header, every look-inside panel and the Share dialog speak Chinese, and axe finds no serious or critical violation', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await openReady(page, 'lang=zh&lesson=missing-3&student=30-30');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  const lesson = page.getByTestId('lesson');
  await expect(lesson).toContainText('消失的 3');
  await expect(lesson).toContainText('第 1 步，共 2 步');
  await expect(lesson.getByRole('button', { name: '下一步' })).toBeVisible();
  await page.screenshot({ path: `${DIR}/lesson-zh-1280.png` });
  const found = await seriousViolations(page, 'page (zh)');
  // One step, so that charts, maps and results have something to say.
  await page.getByRole('button', { name: '单步', exact: true }).click();
  await expectPhase(page, /learners|done/, 60_000);
  const english = await englishRuns(page);
  const tabs = page.getByRole('tablist', { name: '深入观察' }).getByRole('tab');
  for (let i = 0; i < (await tabs.count()); i++) {
    await tabs.nth(i).click();
    await page.waitForTimeout(200);
    english.push(...(await englishRuns(page)));
    const name = (await tabs.nth(i).textContent()) ?? String(i);
    found.push(...(await seriousViolations(page, `深入观察: ${name}`, '#explore-body')));
  }
  expect([...new Set(english)]).toEqual([]);
  await page.getByRole('button', { name: '分享 / 嵌入' }).click();
  await expect(page.getByRole('dialog', { name: '分享 / 嵌入' })).toBeVisible();
  found.push(...(await seriousViolations(page, 'Share dialog (zh)', '.share-dialog')));
  expect(found).toEqual([]);
  // Switching to English keeps the lesson and step, and the link says so.
  await page.keyboard.press('Escape');
  await page.getByLabel('语言').selectOption('en');
  await expect(lesson).toContainText('The missing 3');
  await expect(page).toHaveURL(/lang=en/);
});
