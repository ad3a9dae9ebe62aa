/**
 * npm run bench [-- --quick] [--runs 3] [--backends wasm,webgl,webgpu,cpu] [--no-build] [--skip-app]
 *   [--skip-soak] [--skip-ceiling] [--skip-pair] [--soak-steps 20000] [--soak-code]
 * npm run bench -- --only throughput,ceiling,pair,workers,soak,app   (measures just those parts, for --backends, and
 *   merges them into the committed bench/results.json; --only-soak is --only soak)
 * npm run bench -- --render   (rewrites bench/results.md from bench/results.json, measures nothing)
 *
 * Builds the app, serves it locally, drives headless Chromium (Debian's /usr/bin/chromium when
 * present) and writes bench/results.json and bench/results.md:
 *   - training throughput of a teacher, distilled-student and control-student step per backend,
 *     batch 128/512, students 800-800 and 30-30 (bench.html → src/bench/throughput.worker.ts);
 *   - achieved GFLOP/s against one plain matMul of the same run (a reference, not a ceiling);
 *   - the ceiling (part `ceiling`, bench.html?mode=ceiling): each distinct matrix product of
 *     those steps (src/bench/stepProducts.ts) timed alone the fastest way the backend has;
 *     achieved / ceiling = their summed time / the step time. And the machine limit: the peak
 *     GFLOP/s of register-blocked WASM SIMD matmul microkernels (src/kernels/matmulMicrokernel.wat);
 *   - KD overhead (distilled / control step time) and ours / naive peer, pair by pair per run;
 *   - WASM with threads, on a cross-origin-isolated server;
 *   - learners in parallel (part `pair`, bench.html?mode=pair): a distilled + control 800-800
 *     pair trained by one worker in lockstep or by two workers at once, the pair's throughput and
 *     the page's slider latency and long tasks meanwhile, and navigator.hardwareConcurrency;
 *   - the app's learners in one training worker or two (part `workers`, `?workers=1|2`): the
 *     pair's steps/s with the page idle and while the T slider is dragged, its latency, long tasks;
 *   - the real app: startup on a cold cache, T-slider → repaint latency while training, long tasks;
 *   - memory: numTensors and heap every 500 steps over 5,000 steps;
 *   - the soak (part `soak`): the app trains 20,000 student steps (--soak-steps), worker tensors
 *     and page heap after GC every 2,000; with --soak-code, also how much of the heap is V8's
 *     compiled code at 2,000 steps and at the end (two heap snapshots, which disturb the run).
 * Every figure is a median of the runs with min and max. Nothing here is asserted in tests.
 */
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { chromium, type Browser } from '@playwright/test';
import { preview } from 'vite';
import type { BenchResult } from '../src/bench/benchProtocol.ts';
import type { PairResult } from '../src/bench/pairProtocol.ts';
import { measureResponsiveness, measureStartup } from './lib/appBench.ts';
import { measureAppSoak, type SoakResult } from './lib/appSoak.ts';
import { benchPage } from './lib/benchPages.ts';
import {
  mergeParts,
  PART_NAMES,
  renderSaved,
  writeResults,
  type PartName,
} from './lib/benchResultsFile.ts';
import type { CeilingData } from './lib/ceilingSummary.ts';
import { CHROMIUM_ARGS, chromiumExecutable } from './lib/chromium.ts';
import { flag, numberOption, textOption } from './lib/cliOptions.ts';
import { measureCeilings } from './lib/benchCeiling.ts';
import { summarize, type Stat } from './lib/benchSummary.ts';
import { measurePair } from './lib/pairBench.ts';
import { measureAppWorkers } from './lib/appWorkersBench.ts';
import { CONTENT_SECURITY_POLICY } from '../vite.config.ts';

const args = process.argv.slice(2);
if (flag('render')) {
  renderSaved();
  process.exit(0);
}
const quick = flag('quick');
/** `--only a,b`: measure just those parts and merge them into the committed bench/results.json. */
const only = new Set([
  ...(textOption('only') ?? '').split(',').filter(Boolean),
  ...(flag('only-soak') ? ['soak'] : []),
]);
for (const name of only)
  if (!PART_NAMES.includes(name as PartName)) {
    console.error(`--only ${name}: not one of ${PART_NAMES.join(', ')}`);
    process.exit(2);
  }
const onlyParts = only.size > 0;
const wants = (part: PartName) => (onlyParts ? only.has(part) : !flag(`skip-${part}`));
const soakSteps = numberOption('soak-steps', quick ? 4_000 : 20_000);
const soakOptions = { compiledCode: flag('soak-code') };
const runs = numberOption('runs', quick ? 1 : 3);
const backends = (textOption('backends') ?? 'wasm,webgl,webgpu,cpu').split(',');
/**
 * Slow software backends (SwiftShader WebGL/WebGPU, plain-JS CPU: 20–200 samples/s) get one run,
 * one warm-up step and two timed steps, so the whole bench stays within minutes; WebGPU's
 * fallback adapter only batch 128 (a batch-512 teacher step takes tens of seconds there).
 */
const PLAN: Record<string, { steps: number; warmup: number; runs: number; batches: string }> = {
  wasm: { steps: quick ? 5 : 12, warmup: 3, runs, batches: '128,512' },
  webgl: { steps: 2, warmup: 1, runs: 1, batches: quick ? '128' : '128,512' },
  webgpu: { steps: 2, warmup: 1, runs: 1, batches: '128' },
  cpu: { steps: 2, warmup: 1, runs: 1, batches: quick ? '128' : '128,512' },
};

// A build of its own, so a bench never disturbs a dist/ that a preview or the e2e tests serve.
const OUT_DIR = 'bench/tmp/dist';
if (!flag('no-build')) {
  execSync('tsx scripts/prepare-mnist.ts --if-missing', { stdio: 'inherit' });
  execSync(`npx vite build --outDir ${OUT_DIR} --emptyOutDir`, { stdio: 'inherit' });
}
const PORT = 4380;
const ISOLATED_PORT = 4381;
const server = await preview({
  build: { outDir: OUT_DIR },
  preview: { port: PORT, strictPort: true },
});
// The same files, cross-origin isolated: tfjs-backend-wasm may use threads only here. Its
// threads start from a Blob script, so these bench pages (never the app: src/engine/backend.ts
// trains without threads) get the app's policy with blob: added to script-src.
const isolated = await preview({
  build: { outDir: OUT_DIR },
  preview: {
    port: ISOLATED_PORT,
    strictPort: true,
    headers: {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY.replace(
        "script-src 'self'",
        "script-src 'self' blob:",
      ),
    },
  },
});
const browser: Browser = await chromium.launch({
  executablePath: chromiumExecutable,
  // Software WebGPU needs this flag; it is measured, never chosen automatically by the app.
  // Precise heap numbers and a callable gc() for the memory soak (bench only, never the tests).
  args: [
    ...CHROMIUM_ARGS,
    '--enable-unsafe-webgpu',
    '--enable-precise-memory-info',
    '--js-flags=--expose-gc',
  ],
});

const throughput = (port: number, backend: string, query: string) =>
  benchPage(browser, port, backend, query);

const log = (message: string) => console.error(`bench: ${message}`);
const results: { label: string; results: BenchResult[]; failure?: string }[] = [];
let memory: BenchResult['memory'] = [];
const startup: Awaited<ReturnType<typeof measureStartup>>[] = [];
let responsiveness: Awaited<ReturnType<typeof measureResponsiveness>> | null = null;
let soak: SoakResult | null = null;
let ceiling: CeilingData | null = null;
let pair: PairResult[] | null = null;
let workers: PairResult[] | null = null;
try {
  if (onlyParts && wants('soak')) {
    soak = await measureAppSoak(browser, `http://localhost:${PORT}/`, soakSteps, soakOptions);
    log('soak done');
  }
  const measureThroughput = !onlyParts || only.has('throughput');
  for (const backend of measureThroughput ? backends : []) {
    const plan = PLAN[backend] ?? PLAN.cpu;
    const entry: (typeof results)[number] = { label: backend, results: [] };
    for (let run = 0; run < plan.runs; run++) {
      const query = `batch=${plan.batches}&steps=${plan.steps}&warmup=${plan.warmup}&students=800-800,30-30&naive=1`;
      const outcome = await throughput(PORT, backend, query);
      if (typeof outcome === 'string') {
        entry.failure = outcome;
        log(`${backend} failed: ${outcome}`);
        break;
      }
      entry.results.push(outcome);
      log(`${backend} run ${run + 1}/${plan.runs} (${outcome.backend}) done`);
    }
    results.push(entry);
  }
  if (backends.includes('wasm') && measureThroughput) {
    // tfjs's own thread count (half the cores), then one thread per core: what a learner's
    // machine with spare cores would get, at the cost of the page's own core here.
    for (const threads of [undefined, cpus().length]) {
      const threaded: (typeof results)[number] = {
        label: `wasm, cross-origin isolated${threads ? `, ${threads} threads asked` : ''}`,
        results: [],
      };
      for (let run = 0; run < runs; run++) {
        const outcome = await throughput(
          ISOLATED_PORT,
          'wasm',
          `batch=128,512&steps=${PLAN.wasm.steps}&warmup=3&students=800-800&naive=0${threads ? `&threads=${threads}` : ''}`,
        );
        if (typeof outcome === 'string') {
          threaded.failure = outcome;
          break;
        }
        threaded.results.push(outcome);
      }
      results.push(threaded);
      log(`wasm (isolated${threads ? `, ${threads} threads` : ''}) done`);
    }
    const soak = await throughput(
      PORT,
      'wasm',
      `batch=128&steps=2&warmup=1&students=30-30&naive=0&memory=${quick ? 1000 : 5000}`,
    );
    if (typeof soak !== 'string') memory = soak.memory;
    log('memory soak done');
  }
  if (onlyParts ? wants('app') : !flag('skip-app')) {
    for (let run = 0; run < runs; run++)
      startup.push(await measureStartup(browser, `http://localhost:${PORT}/`));
    log('startup done');
    responsiveness = await measureResponsiveness(
      browser,
      `http://localhost:${PORT}/?student=800-800`,
      quick ? 100 : 150,
    );
    log('responsiveness done');
  }
  if (wants('ceiling')) {
    ceiling = await measureCeilings(
      throughput,
      { PORT, ISOLATED_PORT },
      backends,
      PLAN,
      cpus().length,
    );
    log('ceiling done');
  }
  if (wants('pair')) {
    pair = [];
    // One worker first (the default), then two, then the page with no training at all.
    for (const workers of [1, 2, 0]) {
      const outcome = await measurePair(
        browser,
        `http://localhost:${PORT}`,
        workers,
        quick ? 4 : 8,
        quick ? 80 : 150,
      );
      if (typeof outcome === 'string') log(`pair, ${workers} workers, failed: ${outcome}`);
      else pair.push(outcome);
    }
    log('pair done');
  }
  if (wants('workers')) {
    workers = [];
    for (const count of [1, 2] as const) {
      const outcome = await measureAppWorkers(
        browser,
        `http://localhost:${PORT}`,
        count,
        quick ? 6 : 15,
        quick ? 80 : 150,
      );
      if (typeof outcome === 'string') log(`app, ${count} workers, failed: ${outcome}`);
      else workers.push(outcome);
    }
    log('workers done');
  }
  if (!onlyParts && wants('soak')) {
    soak = await measureAppSoak(browser, `http://localhost:${PORT}/`, soakSteps, soakOptions);
    log('soak done');
  }
} finally {
  await browser.close();
  for (const s of [server, isolated])
    await new Promise<void>((resolve) => s.httpServer.close(() => resolve()));
}

/** WASM threads tfjs actually used in each isolated variant. */
const threadsUsed = Object.fromEntries(
  results
    .filter((r) => r.label.includes('isolated'))
    .map((r) => [r.label, r.results[0]?.threads ?? null]),
);
const command = `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;
if (onlyParts) {
  const measured = {
    soak,
    ceiling,
    pair,
    workers,
    app: { startup, responsiveness },
    throughput: { results, memory, threadsUsed },
  };
  mergeParts(
    Object.fromEntries([...only].map((name) => [name, measured[name as PartName]])),
    command,
  );
  console.log(
    JSON.stringify({ merged: [...only], pair, microkernel: ceiling?.microkernel }, null, 2),
  );
  process.exit(0);
}
const summary = summarize(results, memory, startup, responsiveness, ceiling);
const report = {
  date: new Date().toISOString(),
  command,
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, browser: browser.version() },
  runs,
  threadsUsed,
  summary,
  raw: { results, memory, startup, responsiveness, soak, ceiling, pair, workers },
};
mkdirSync('bench', { recursive: true });
writeResults(report);
console.log(
  JSON.stringify(
    {
      command: report.command,
      targets: summary.targets,
      soak: soak && {
        tensorDrift: soak.tensorDrift,
        heapGrowthPercent: soak.heapGrowthPercent,
        heapGrowthWithoutCodePercent: soak.heapGrowthWithoutCodePercent,
      },
    },
    null,
    2,
  ),
);
export type { Stat };
