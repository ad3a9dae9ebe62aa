/** Axis helpers of the size scatter: a log axis over bytes, and readable byte counts. */

export function formatBytes(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(bytes >= 1e7 ? 0 : 1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(bytes >= 1e4 ? 0 : 1)} kB`;
  return `${bytes} B`;
}

/** Decades (10^k bytes) that cover [min, max], at least two. */
export function byteDecades(min: number, max: number): number[] {
  const lo = Math.floor(Math.log10(Math.max(1, min)));
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(Math.max(1, max))));
  return Array.from({ length: hi - lo + 1 }, (_, k) => 10 ** (lo + k));
}

/** Position 0–1 of `bytes` between the first and last decade, on a log scale. */
export function logPosition(bytes: number, decades: readonly number[]): number {
  const lo = Math.log10(decades[0]);
  const hi = Math.log10(decades[decades.length - 1]);
  return (Math.log10(bytes) - lo) / (hi - lo);
}

/** About four round ticks (1, 2 or 5 × 10^k apart) from 0 to at least `max`. */
export function roundTicks(max: number): number[] {
  const raw = Math.max(1, max) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  const count = Math.ceil(max / step);
  return Array.from({ length: count + 1 }, (_, k) => k * step);
}
