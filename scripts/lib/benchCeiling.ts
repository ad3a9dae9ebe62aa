/**
 * The ceiling part of the bench: for each throughput label (backend, and the isolated WASM
 * variants), bench.html?mode=ceiling times that label's steps again and then every distinct
 * matrix product of them, in the same worker;
 * the plain wasm page also times the SIMD microkernels (the machine limit).
 */
import type { BenchResult } from '../../src/bench/benchProtocol.ts';
import type { MicrokernelPeak } from '../../src/bench/microkernelPeak.ts';
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
  /**
   * `rounds` pages in a row, merged best against best: each step's fastest time and each
   * product's fastest. On a shared machine a step and its products, timed a minute apart, can
   * see different loads; the best of each over rounds is what an unloaded core gives both.
   */
  const measure = async (
    label: string,
    port: number,
    backend: string,
    query: string,
    rounds = 1,
  ) => {
    let merged: CeilingEntry | null = null;
    for (let round = 0; round < rounds; round++) {
      const outcome = await open(port, backend, `mode=ceiling&${query}`);
      if (typeof outcome === 'string') {
        console.error(`bench: ceiling ${label} failed: ${outcome}`);
        merged ??= { label, backend, threads: null, products: [], timings: [], failure: outcome };
        break;
      }
      if (outcome.microkernel?.length) microkernel = bestPeaks(microkernel, outcome.microkernel);
      const fresh: CeilingEntry = {
        label,
        backend: outcome.backend,
        threads: outcome.threads,
        products: outcome.products ?? [],
        timings: outcome.timings,
      };
      merged = merged ? bestOf(merged, fresh) : fresh;
      console.error(`bench: ceiling ${label} round ${round + 1}/${rounds} done`);
    }
    if (merged) entries.push(merged);
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
      backend === 'wasm' ? 2 : 1,
    );
  }
  if (backends.includes('wasm'))
    for (const threads of [undefined, cores])
      await measure(
        `wasm, cross-origin isolated${threads ? `, ${threads} threads asked` : ''}`,
        ports.ISOLATED_PORT,
        'wasm',
        `batch=128,512&students=800-800&naive=0&steps=${plan.wasm.steps}&warmup=3${threads ? `&threads=${threads}` : ''}`,
        2,
      );
  return { entries, microkernel };
}

/** Each step's and each product's fastest time of two rounds. */
function bestOf(a: CeilingEntry, b: CeilingEntry): CeilingEntry {
  const timings = a.timings.map((t) => {
    const other = b.timings.find(
      (u) => u.model === t.model && u.studentSize === t.studentSize && u.batchSize === t.batchSize,
    );
    return other && other.msPerStep < t.msPerStep ? other : t;
  });
  const products = a.products.map((p) => {
    const other = b.products.find((q) => q.key === p.key);
    return other && other.bestMs < p.bestMs ? other : p;
  });
  return { ...a, timings, products };
}

function bestPeaks(a: MicrokernelPeak[], b: MicrokernelPeak[]): MicrokernelPeak[] {
  if (!a.length) return b;
  return a.map((p) => {
    const other = b.find((q) => q.block === p.block);
    return other && other.gflops > p.gflops ? other : p;
  });
}
