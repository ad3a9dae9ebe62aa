/**
 * The ceiling part of the bench: for each throughput label (backend, and the isolated WASM
 * variants), bench.html?mode=ceiling times every distinct matrix product of that label's steps;
 * the plain wasm page also times the SIMD microkernels (the machine limit).
 */
import type { BenchResult } from '../../src/bench/benchProtocol.ts';
import type { CeilingData, CeilingEntry } from './ceilingSummary.ts';

type OpenPage = (port: number, backend: string, query: string) => Promise<BenchResult | string>;

export async function measureCeilings(
  open: OpenPage,
  ports: { PORT: number; ISOLATED_PORT: number },
  backends: string[],
  plan: Record<string, { batches: string }>,
  cores: number,
): Promise<CeilingData> {
  const entries: CeilingEntry[] = [];
  let microkernel: CeilingData['microkernel'] = [];
  const measure = async (label: string, port: number, backend: string, query: string) => {
    const outcome = await open(port, backend, `mode=ceiling&${query}`);
    if (typeof outcome === 'string') {
      entries.push({ label, backend, threads: null, products: [], failure: outcome });
      console.error(`bench: ceiling ${label} failed: ${outcome}`);
      return;
    }
    entries.push({
      label,
      backend: outcome.backend,
      threads: outcome.threads,
      products: outcome.products ?? [],
    });
    if (outcome.microkernel?.length) microkernel = outcome.microkernel;
    console.error(`bench: ceiling ${label} (${outcome.products?.length ?? 0} products) done`);
  };
  for (const backend of backends) {
    const fast = backend === 'wasm';
    // The slow software backends: each way once after its warm-up, the fastest two once more.
    await measure(
      backend,
      ports.PORT,
      backend,
      `batch=${(plan[backend] ?? plan.cpu).batches}&students=800-800,30-30&naive=1&steps=${fast ? 7 : 1}${fast ? '&microkernel=1' : ''}`,
    );
  }
  if (backends.includes('wasm'))
    for (const threads of [undefined, cores])
      await measure(
        `wasm, cross-origin isolated${threads ? `, ${threads} threads asked` : ''}`,
        ports.ISOLATED_PORT,
        'wasm',
        `batch=128,512&students=800-800&naive=0&steps=7${threads ? `&threads=${threads}` : ''}`,
      );
  return { entries, microkernel };
}
