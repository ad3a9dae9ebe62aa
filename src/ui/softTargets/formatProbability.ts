/** A probability as text with 3 significant digits; scientific notation below 0.01. */
export function formatProbability(p: number): string {
  if (p === 0) return '0';
  return p >= 0.01 ? p.toPrecision(3) : p.toExponential(2);
}
