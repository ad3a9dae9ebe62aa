import { describe, expect, it } from 'vitest';
import { OBJECTIVE_CATALOG } from '../../kd/objectiveCatalog.ts';
import { compactTerm, formulaWithNumbers, substituteHyper } from './formulaWithNumbers.ts';

const hyper = { alpha: 0.1, temperature: 8 };
const of = (id: keyof typeof OBJECTIVE_CATALOG) =>
  formulaWithNumbers(OBJECTIVE_CATALOG[id].termFormulas, OBJECTIVE_CATALOG[id].termNames, hyper);

describe('formulaWithNumbers', () => {
  it('writes Hinton KD as the page always has: α·CE + (1 − α)·T²·KL, then multiplied out', () => {
    expect(of('hinton')).toBe(
      String.raw`\begin{aligned} L &= 0.10\,\mathrm{CE} + 0.90\cdot 8.00^2\,\mathrm{KL}_{T} \\ &= 0.10\,\mathrm{CE} + 57.6\,\mathrm{KL}_{T} \end{aligned}`,
    );
  });

  it('keeps the soft cross-entropy apart from the hard one by its subscript T', () => {
    expect(of('soft-ce')).toContain(String.raw`0.10\,\mathrm{CE} + 57.6\,\mathrm{CE}_{T}`);
  });

  it('logit matching has no T: one line', () => {
    expect(of('logit-mse')).toBe(
      String.raw`\begin{aligned} L &= 0.10\,\mathrm{CE} + 0.90\,\mathrm{MSE} \end{aligned}`,
    );
  });

  it('does not touch the T of a word (TCKD) and keeps DKD’s weights as symbols', () => {
    const tex = of('dkd');
    expect(tex).toContain(String.raw`0.90\cdot 8.00^2 A\,\mathrm{KL}(b_t\,\|\,b_s)`);
    expect(tex).toContain(String.raw`57.6 B\,\mathrm{KL}(\hat p_t\,\|\,\hat p_s)`);
    expect(substituteHyper(String.raw`\mathrm{TCKD} + T`, hyper, false)).toBe(
      String.raw`\mathrm{TCKD} + 8.00`,
    );
  });

  it('drops function arguments and writes T with one decimal from 10', () => {
    expect(compactTerm(String.raw`\mathrm{CE}\big(y,\ p\big)`)).toBe(String.raw`\mathrm{CE}`);
    expect(substituteHyper(String.raw`(1-\alpha)\,T^2`, { alpha: 0, temperature: 20 }, true)).toBe(
      '400',
    );
    expect(
      substituteHyper(String.raw`(1-\alpha)\,T^2`, { alpha: 0.5, temperature: 12.5 }, false),
    ).toBe(String.raw`0.50\cdot 12.5^2`);
  });
});

describe('typesetting', () => {
  it('every objective and its numbers typeset without a KaTeX error', async () => {
    const katex = (await import('katex')).default;
    for (const info of Object.values(OBJECTIVE_CATALOG)) {
      for (const tex of [info.formula, of(info.id)]) {
        const html = katex.renderToString(tex, { displayMode: true, throwOnError: false });
        expect(html, `${info.id}: ${tex}`).not.toContain('katex-error');
      }
    }
    // What the page's Hinton line reads as, once the markup is gone (the e2e tests read it).
    const html = katex.renderToString(of('hinton'), { displayMode: true, throwOnError: false });
    const text = html
      .replace(/<annotation[\s\S]*?<\/annotation>/g, '')
      .replace(/<math[\s\S]*?<\/math>/g, '')
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, '');
    expect(text).toContain('0.10CE+0.90⋅8.00');
    expect(text).toContain('57.6KL');
  });
});
