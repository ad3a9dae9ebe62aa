/** Median, min and max of a measurement over runs. */
export interface Stat {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function stat(values: number[]): Stat {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  const median = s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  return { median, min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN, n: s.length };
}
