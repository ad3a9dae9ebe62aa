/**
 * npm run bench [-- --runs 3 --backends wasm,webgl,webgpu,cpu --quick]
 *
 * Builds the app, serves it locally, drives headless Chromium through bench.html on each backend
 * and writes bench/results.json and bench/results.md: samples/s, ms/step and achieved GFLOP/s of
 * a teacher step, a distilled-student step and a control-student step (median, min, max of runs).
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import type { BenchResult, StepTiming } from '../src/bench/benchProtocol.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const quick = args.includes('--quick');
const runs = Number(option('runs', quick ? '1' : '3'));
const backends = option('backends', 'wasm,webgl,webgpu,cpu').split(',');
/** Slow software backends get fewer steps and only batch 128, so the whole bench stays in minutes. */
const PLAN: Record<string, { batch: string; steps: number }> = {
  wasm: { batch: '128,512', steps: quick ? 5 : 15 },
  webgl: { batch: '128', steps: quick ? 2 : 4 },
  webgpu: { batch: '128', steps: 2 },
  cpu: { batch: '128', steps: 2 },
};

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--enable-unsafe-webgpu',
];

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// A build of its own, so a bench never disturbs a dist/ that a preview or the e2e tests serve.
const OUT_DIR = 'bench/tmp/dist';
if (!args.includes('--no-build')) {
  execSync('tsx scripts/prepare-mnist.ts --if-missing', { stdio: 'inherit' });
  execSync(`npx vite build --outDir ${OUT_DIR} --emptyOutDir`, { stdio: 'inherit' });
}
const server = await preview({
  build: { outDir: OUT_DIR },
  preview: { port: 4380, strictPort: true },
});
const browser = await chromium.launch({
  executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
  args: CHROMIUM_ARGS,
});
const rows: Record<string, unknown>[] = [];
const raw: BenchResult[] = [];
try {
  for (const backend of backends) {
    const plan = PLAN[backend] ?? PLAN.cpu;
    const perRun: BenchResult[] = [];
    for (let run = 0; run < runs; run++) {
      const page = await browser.newPage();
      const url = `http://localhost:4380/bench.html?backend=${backend}&batch=${plan.batch}&steps=${plan.steps}&students=800-800,30-30`;
      await page.goto(url);
      const handle = await page.waitForFunction(
        () => (window as unknown as { benchResult?: unknown }).benchResult,
        null,
        {
          timeout: 600_000,
          polling: 500,
        },
      );
      const outcome = (await handle.jsonValue()) as {
        ok: boolean;
        result?: BenchResult;
        error?: string;
      };
      await page.close();
      if (!outcome.ok || !outcome.result) {
        console.error(`bench: ${backend} failed: ${outcome.error}`);
        break;
      }
      perRun.push(outcome.result);
      raw.push(outcome.result);
      console.error(`bench: ${backend} run ${run + 1}/${runs} on ${outcome.result.backend} done`);
    }
    if (perRun.length === 0) continue;
    const keyOf = (t: StepTiming) => `${t.model}|${t.studentSize}|${t.batchSize}`;
    const groups = new Map<string, StepTiming[]>();
    for (const r of perRun)
      for (const t of r.timings) groups.set(keyOf(t), [...(groups.get(keyOf(t)) ?? []), t]);
    for (const timings of groups.values()) {
      const sps = timings.map((t) => t.samplesPerSec);
      const first = timings[0];
      rows.push({
        requested: backend,
        backend: perRun[0].backend,
        model: first.model,
        studentSize: first.studentSize,
        batchSize: first.batchSize,
        samplesPerSec: { median: median(sps), min: Math.min(...sps), max: Math.max(...sps) },
        gflops: median(timings.map((t) => t.gflops)),
        runs: timings.length,
      });
    }
  }
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}

const result = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, browser: browser.version() },
  command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`,
  rows,
  raw,
};
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', JSON.stringify(result, null, 2));
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const md = [
  `| backend | model | student | batch | samples/s (median) | min–max | GFLOP/s |`,
  `|---|---|---|---|---|---|---|`,
  ...rows.map((r) => {
    const s = r.samplesPerSec as { median: number; min: number; max: number };
    const name = r.requested === r.backend ? String(r.backend) : `${r.requested}→${r.backend}`;
    return `| ${name} | ${r.model} | ${r.studentSize ?? '1200-1200'} | ${r.batchSize} | ${fmt(s.median)} | ${fmt(s.min)}–${fmt(s.max)} | ${(r.gflops as number).toFixed(1)} |`;
  }),
].join('\n');
writeFileSync('bench/results.md', `${md}\n`);
console.log(JSON.stringify({ command: result.command, machine: result.machine, rows }, null, 2));
