/**
 * An objective's loss with the current α and T written in: its terms' TeX (objectiveCatalog.ts
 * `termFormulas`), each function's arguments dropped (CE(y, softmax(z_s)) → CE; one taken at T
 * keeps a subscript T), α and T substituted, and the T² soft weight multiplied out on a second
 * line. Plain string work, so a slider drag costs a KaTeX pass and nothing else.
 */
import type { DistillHyper } from '../../kd/objective.ts';

/** Stands for the subscript T while T itself is substituted (no standalone T in it). */
const AT_T = '\\atTemperature';

const fixed = (v: number, digits = 2) => v.toFixed(digits);
const temperatureText = (t: number) => fixed(t, t < 10 ? 2 : 1);
const weightText = (w: number) => fixed(w, w < 100 ? 1 : 0);

/** Drops the arguments of each \big( … \big) group; a function of softmax(z/T) gets a subscript T. */
export function compactTerm(tex: string): string {
  return tex.replace(/\\big\((.*?)\\big\)/g, (_match, args: string) =>
    /\/T(?![A-Za-z])/.test(args) ? `_{${AT_T}}` : '',
  );
}

/** α and T written in; with `collapse`, (1 − α)·T² becomes one number. */
export function substituteHyper(tex: string, hyper: DistillHyper, collapse: boolean): string {
  const { alpha, temperature } = hyper;
  let out = tex;
  if (collapse) {
    out = out.replace(/\(1-\\alpha\)\\,T\^2/g, weightText((1 - alpha) * temperature ** 2));
  }
  out = out
    .replace(/\(1-\\alpha\)/g, fixed(1 - alpha))
    .replace(/\\alpha(?![A-Za-z])/g, fixed(alpha))
    // T alone (not a letter of a word or a command such as \mathrm{TCKD}).
    .replace(/(?<![A-Za-z\\])T(?![A-Za-z])/g, temperatureText(temperature))
    // Two numbers side by side are a product: 0.90\,8.00^2 → 0.90\cdot 8.00^2.
    .replace(/(\d)(?:\\,|\s)+(?=\d)/g, '$1\\cdot ');
  return out.replaceAll(AT_T, 'T');
}

/**
 * "L = 0.10 CE + 0.90·8.00² KL_T" and, when (1 − α)·T² appears, "= 0.10 CE + 57.6 KL_T", as one
 * KaTeX `aligned` block.
 */
export function formulaWithNumbers(
  termFormulas: Readonly<Record<string, string>>,
  termNames: readonly string[],
  hyper: DistillHyper,
): string {
  const terms = termNames.map((name) => compactTerm(termFormulas[name] ?? `\\mathrm{${name}}`));
  const line = (collapse: boolean) =>
    terms.map((t) => substituteHyper(t, hyper, collapse)).join(' + ');
  const first = line(false);
  const second = line(true);
  return first === second
    ? String.raw`\begin{aligned} L &= ${first} \end{aligned}`
    : String.raw`\begin{aligned} L &= ${first} \\ &= ${second} \end{aligned}`;
}
