/**
 * The ceiling part of the bench: for each throughput label (backend, and the isolated WASM
 * variants), bench.html?mode=ceiling times that label's steps again and then every distinct
 * matrix product of them, in the same worker;
 * the plain wasm page also times the SIMD microkernels (the machine limit).
 */
import type { BenchResult } from '../../src/bench/benchProtocol.ts';
import type { CeilingData, CeilingEntry } from './ceilingSummary.ts';

type OpenPage = (port: number, backend: string, query: string) => Promise<BenchResult | string>;

export async function measureCeilings(
  open: OpenPage,
  ports: { PORT: number; ISOLATED_PORT: number },
  backends: string[],
  plan: Record<string, { batches: string; steps: number; warmup: number }>,
  cores: number,
): Promise<CeilingData> {
  const entries: CeilingEntry[] = [];
  let microkernel: CeilingData['microkernel'] = [];
  const measure = async (label: string, port: number, backend: string, query: string) => {
    const outcome = await open(port, backend, `mode=ceiling&${query}`);
    if (typeof outcome === 'string') {
      entries.push({ label, backend, threads: null, products: [], timings: [], failure: outcome });
      console.error(`bench: ceiling ${label} failed: ${outcome}`);
      return;
    }
    entries.push({
      label,
      backend: outcome.backend,
      threads: outcome.threads,
      products: outcome.products ?? [],
      timings: outcome.timings,
    });
    if (outcome.microkernel?.length) microkernel = outcome.microkernel;
    console.error(`bench: ceiling ${label} (${outcome.products?.length ?? 0} products) done`);
  };
  // As the throughput pages, whose step times they repeat: the products get as many timed
  // calls as the steps (the slow software backends: two).
  for (const backend of backends) {
    const { batches, steps, warmup } = plan[backend] ?? plan.cpu;
    await measure(
      backend,
      ports.PORT,
      backend,
      `batch=${batches}&students=800-800,30-30&naive=1&steps=${steps}&warmup=${warmup}${backend === 'wasm' ? '&microkernel=1' : ''}`,
    );
  }
  if (backends.includes('wasm'))
    for (const threads of [undefined, cores])
      await measure(
        `wasm, cross-origin isolated${threads ? `, ${threads} threads asked` : ''}`,
        ports.ISOLATED_PORT,
        'wasm',
        `batch=128,512&students=800-800&naive=0&steps=${plan.wasm.steps}&warmup=3${threads ? `&threads=${threads}` : ''}`,
      );
  return { entries, microkernel };
}
