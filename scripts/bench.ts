/**
 * npm run bench [-- --quick] [--runs 3] [--backends wasm,webgl,webgpu,cpu] [--no-build] [--skip-app]
 * npm run bench -- --render   (rewrites bench/results.md from bench/results.json, measures nothing)
 *
 * Builds the app, serves it locally, drives headless Chromium (Debian's /usr/bin/chromium when
 * present) and writes bench/results.json and bench/results.md:
 *   - training throughput of a teacher, distilled-student and control-student step per backend,
 *     batch 128/512, students 800-800 and 30-30 (bench.html → src/bench/throughput.worker.ts);
 *   - achieved GFLOP/s against the same backend's plain matMul, measured in the same run;
 *   - KD overhead (distilled / control step time) and ours / naive peer, pair by pair per run;
 *   - WASM with threads, on a cross-origin-isolated server;
 *   - the real app: startup on a cold cache, T-slider → repaint latency while training, long tasks;
 *   - memory: numTensors and heap every 500 steps over 5,000 steps;
 *   - the soak: the app trains 20,000 student steps (--soak-steps), worker tensors and page heap
 *     after GC every 2,000 (--skip-soak; --only-soak measures it alone into bench/results.json).
 * Every figure is a median of the runs with min and max. Nothing here is asserted in tests.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { chromium, type Browser } from '@playwright/test';
import { preview } from 'vite';
import type { BenchResult } from '../src/bench/benchProtocol.ts';
import { measureResponsiveness, measureStartup } from './lib/appBench.ts';
import { measureAppSoak, soakMarkdown, type SoakResult } from './lib/appSoak.ts';
import { CHROMIUM_ARGS, chromiumExecutable } from './lib/chromium.ts';
import { flag, numberOption, textOption } from './lib/cliOptions.ts';
import { renderMarkdown, summarize, type Stat } from './lib/benchSummary.ts';

const args = process.argv.slice(2);
if (flag('render')) {
  // Only rewrite bench/results.md from the committed bench/results.json (no measuring).
  const saved = JSON.parse(readFileSync('bench/results.json', 'utf8')) as {
    command: string;
    machine: { cpus: number; cpu?: string; browser: string };
    threadsUsed?: Record<string, number | null>;
    raw: {
      results: Parameters<typeof summarize>[0];
      memory: Parameters<typeof summarize>[1];
      startup: Parameters<typeof summarize>[2];
      responsiveness: Parameters<typeof summarize>[3];
      soak?: SoakResult | null;
    };
  };
  const { results, memory, startup, responsiveness } = saved.raw;
  writeFileSync(
    'bench/results.md',
    renderMarkdown(
      saved.command,
      saved.machine,
      summarize(results, memory, startup, responsiveness),
      saved.threadsUsed ?? {},
    ) + (saved.raw.soak ? `\n${soakMarkdown(saved.raw.soak).join('\n')}` : ''),
  );
  process.exit(0);
}
const quick = flag('quick');
/** `--only-soak`: measure the soak alone and merge it into the committed bench/results.json. */
const onlySoak = flag('only-soak');
const soakSteps = numberOption('soak-steps', quick ? 4_000 : 20_000);
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
// The same files, cross-origin isolated: tfjs-backend-wasm may use threads only here.
const isolated = await preview({
  build: { outDir: OUT_DIR },
  preview: {
    port: ISOLATED_PORT,
    strictPort: true,
    headers: {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
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

async function throughput(
  port: number,
  backend: string,
  query: string,
): Promise<BenchResult | string> {
  const page = await browser.newPage();
  try {
    await page.goto(`http://localhost:${port}/bench.html?backend=${backend}&${query}`);
    const handle = await page.waitForFunction(
      () => (window as unknown as { benchResult?: unknown }).benchResult,
      null,
      {
        timeout: 900_000,
        polling: 500,
      },
    );
    const outcome = (await handle.jsonValue()) as {
      ok: boolean;
      result?: BenchResult;
      error?: string;
    };
    return outcome.ok && outcome.result ? outcome.result : (outcome.error ?? 'unknown error');
  } finally {
    await page.close();
  }
}

const log = (message: string) => console.error(`bench: ${message}`);
const results: { label: string; results: BenchResult[]; failure?: string }[] = [];
let memory: BenchResult['memory'] = [];
const startup: Awaited<ReturnType<typeof measureStartup>>[] = [];
let responsiveness: Awaited<ReturnType<typeof measureResponsiveness>> | null = null;
let soak: SoakResult | null = null;
try {
  if (onlySoak) {
    soak = await measureAppSoak(browser, `http://localhost:${PORT}/`, soakSteps);
    log('soak done');
  }
  for (const backend of onlySoak ? [] : backends) {
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
  if (backends.includes('wasm') && !onlySoak) {
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
  if (!flag('skip-app') && !onlySoak) {
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
  if (!flag('skip-soak') && !onlySoak) {
    soak = await measureAppSoak(browser, `http://localhost:${PORT}/`, soakSteps);
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
if (onlySoak) {
  // Merge into the committed measurements; everything else stays as it was measured.
  const saved = JSON.parse(readFileSync('bench/results.json', 'utf8')) as {
    raw: Record<string, unknown>;
    soakCommand?: string;
  };
  saved.raw.soak = soak;
  saved.soakCommand = `npm run bench -- ${args.join(' ')}`;
  writeFileSync('bench/results.json', `${JSON.stringify(saved, null, 2)}\n`);
  execSync('tsx scripts/bench.ts --render', { stdio: 'inherit' });
  console.log(JSON.stringify({ soak: { ...soak, samples: undefined } }, null, 2));
  process.exit(0);
}
const summary = summarize(results, memory, startup, responsiveness);
const report = {
  date: new Date().toISOString(),
  command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`,
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, browser: browser.version() },
  runs,
  threadsUsed,
  summary,
  raw: { results, memory, startup, responsiveness, soak },
};
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(
  'bench/results.md',
  renderMarkdown(report.command, report.machine, summary, threadsUsed) +
    (soak ? `\n${soakMarkdown(soak).join('\n')}` : ''),
);
console.log(
  JSON.stringify(
    {
      command: report.command,
      targets: summary.targets,
      soak: soak && { tensorDrift: soak.tensorDrift, heapGrowthPercent: soak.heapGrowthPercent },
    },
    null,
    2,
  ),
);
export type { Stat };
