/**
 * How many sweep workers, and which seeds each runs. Independent runs (seeds) go to parallel
 * workers only where cores are left after the page's own thread: on a 2-core machine that is one
 * worker, since a second would slow the page (and each other) more than it gains.
 */
export function sweepWorkerCount(seeds: number, cores: number): number {
  return Math.max(1, Math.min(seeds, Math.floor(cores) - 1));
}

/** Seeds dealt round-robin to `workers` shares (no share empty when seeds ≥ workers). */
export function splitSeeds(seeds: readonly number[], workers: number): number[][] {
  const shares = Array.from({ length: workers }, () => [] as number[]);
  seeds.forEach((seed, k) => shares[k % workers].push(seed));
  return shares.filter((s) => s.length > 0);
}
