import { expect, test } from '@playwright/test';
import { collectConsoleErrors, firstStep, openReady } from './helpers.ts';

test.describe('looking inside: mistakes and the size trade-off', () => {
  test('a learner clicks a confusion cell, sees its digits, and sends one to the soft targets', async ({
    page,
  }) => {
    const errors = collectConsoleErrors(page);
    await openReady(page, 'student=30-30');
    // The pretrained teacher is evaluated before training: its matrix is the first with mistakes.
    const perClass = page.locator('section.per-class');
    await perClass.getByLabel('Model for the confusion matrix').selectOption({ label: 'teacher' });
    const cell = perClass.getByRole('button', {
      name: /^true 4, predicted 9: \d+: list these digits/,
    });
    const label = (await cell.getAttribute('aria-label'))!;
    const count = Number(/predicted 9: (\d+)/.exec(label)![1]);
    expect(count).toBeGreaterThan(0);
    await cell.click();

    // The Mistakes tab opens, in the link too, listing that many digits (24 at most).
    await expect(page.getByRole('tab', { name: 'Mistakes' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect.poll(() => new URL(page.url()).searchParams.get('explore')).toBe('mistakes');
    const explore = page.locator('section.explore');
    await expect(explore.getByRole('heading', { level: 3 })).toContainText(
      `True 4, teacher says 9: ${count} test digit`,
    );
    const cards = explore.getByTestId('mistake-card');
    await expect(cards).toHaveCount(Math.min(count, 24));
    const first = cards.first();
    await expect(first.getByRole('img', { name: /test digit #\d+, a 4/ })).toBeVisible();
    // The teacher's own soft targets put the most mass on 9, the class it said.
    const bars = first.locator('[data-model="teacher"]');
    await expect(bars).toHaveCount(10);
    const p = await bars.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-p'))));
    expect(p.indexOf(Math.max(...p))).toBe(9);

    const index = /#(\d+)/.exec((await first.textContent())!)![1];
    await first.getByRole('button', { name: 'Show in soft targets' }).click();
    const soft = page.locator('section.soft-targets');
    // The digit joins the strip, selected, and gets a card with every model's live bars.
    await expect(soft.getByTitle(`Test image #${index} (a 4)`)).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const card = soft.locator('[data-testid="digit-card"][data-label="4"]').last();
    await expect(card.locator('[data-model="teacher"]')).toHaveCount(10);
    expect(errors).toEqual([]);
  });

  test('the size panel measures every model: bytes, time, errors and 8-bit errors', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const errors = collectConsoleErrors(page);
    await openReady(page, 'student=30-30&explore=size');
    const teacher = page.getByTestId('size-teacher');
    await expect(teacher).toBeVisible({ timeout: 60_000 });
    // 784-1200-1200-10: 2,395,210 parameters, 9,580,840 B as float32.
    await expect(teacher).toContainText('9.6 MB');
    const errorsOf = async (id: string) =>
      page
        .getByTestId(`size-${id}`)
        .locator('td[data-errors]')
        .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-errors'))));
    const [teacherErrors, teacherInt8] = await errorsOf('teacher');
    expect(teacherErrors).toBe(70);
    expect(Math.abs(teacherInt8 - teacherErrors)).toBeLessThanOrEqual(10);
    // 784-30-30-10: 24,790 parameters, 99 kB as float32, 25 kB in 8 bits (24,720 B of weights, 560 B of scales and biases).
    await expect(page.getByTestId('size-distilled')).toContainText('99 kB');
    await expect(page.getByTestId('size-distilled')).toContainText('25 kB');
    await expect(page.getByTestId('size-point')).toHaveCount(6);

    // After some training the student's errors fall, measured again.
    const [untrained] = await errorsOf('distilled');
    await firstStep(page);
    await page.getByRole('button', { name: /Resume/ }).click();
    await page.waitForTimeout(4000);
    await page.getByRole('button', { name: /Pause/ }).click();
    await page.getByRole('button', { name: 'Measure again' }).click();
    await expect
      .poll(async () => (await errorsOf('distilled'))[0], { timeout: 60_000 })
      .toBeLessThan(untrained / 2);
    expect(errors).toEqual([]);
  });
});
