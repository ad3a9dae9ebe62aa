/** Turns raw bench runs into medians, pair-by-pair ratios, the targets of issue 4, and Markdown. */
import type { BenchResult, MemorySample, StepTiming } from '../../src/bench/benchProtocol.ts';
import type { ResponsivenessResult, StartupResult } from './appBench.ts';

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

export interface ThroughputRow {
  label: string;
  backend: string;
  model: StepTiming['model'];
  studentSize: string;
  batchSize: number;
  samplesPerSec: Stat;
  gflops: Stat;
  /** Achieved GFLOP/s / plain matMul GFLOP/s of the same run, pair by pair. */
  ofMatMul: Stat;
}

export interface RatioRow {
  label: string;
  studentSize: string;
  batchSize: number;
  /** distilled step time / control step time. */
  kdOverhead: Stat;
  /** naive step time / our distilled step time. */
  oursOverNaive: Stat;
}

export interface Target {
  name: string;
  goal: string;
  measured: string;
  met: boolean | null;
}

type Runs = { label: string; results: BenchResult[]; failure?: string }[];

function find(r: BenchResult, model: StepTiming['model'], size: string | null, batch: number) {
  return r.timings.find(
    (t) => t.model === model && t.studentSize === size && t.batchSize === batch,
  );
}

export function summarize(
  runs: Runs,
  memory: MemorySample[],
  startup: StartupResult[],
  responsiveness: ResponsivenessResult | null,
) {
  const throughput: ThroughputRow[] = [];
  const ratios: RatioRow[] = [];
  for (const { label, results } of runs) {
    if (results.length === 0) continue;
    const keys = new Set(
      results[0].timings.map((t) => `${t.model}|${t.studentSize}|${t.batchSize}`),
    );
    for (const key of keys) {
      const [model, size, batch] = key.split('|');
      const studentSize = size === 'null' ? null : size;
      const timings = results
        .map((r) => find(r, model as StepTiming['model'], studentSize, Number(batch)))
        .filter((t) => t !== undefined);
      throughput.push({
        label,
        backend: results[0].backend,
        model: model as StepTiming['model'],
        studentSize: studentSize ?? 'teacher 1200-1200',
        batchSize: Number(batch),
        samplesPerSec: stat(timings.map((t) => t.samplesPerSec)),
        gflops: stat(timings.map((t) => t.gflops)),
        ofMatMul: stat(
          results.map((r) => {
            const t = find(r, model as StepTiming['model'], studentSize, Number(batch));
            const ceiling = r.matMul.find((m) => m.m === Number(batch))?.gflops;
            return t && ceiling ? t.gflops / ceiling : NaN;
          }),
        ),
      });
    }
    for (const key of keys) {
      const [model, size, batch] = key.split('|');
      if (model !== 'distilled') continue;
      const pair = (other: StepTiming['model'], invert: boolean) =>
        stat(
          results.map((r) => {
            const d = find(r, 'distilled', size, Number(batch));
            const o = find(r, other, size, Number(batch));
            return d && o ? (invert ? o.msPerStep / d.msPerStep : d.msPerStep / o.msPerStep) : NaN;
          }),
        );
      ratios.push({
        label,
        studentSize: size,
        batchSize: Number(batch),
        kdOverhead: pair('control', false),
        oursOverNaive: pair('naive-distilled', true),
      });
    }
  }

  const wasmRow = (model: StepTiming['model'], size: string, batch: number) =>
    throughput.find(
      (r) =>
        r.label === 'wasm' && r.model === model && r.studentSize === size && r.batchSize === batch,
    );
  const wasmRatio = ratios.find(
    (r) => r.label === 'wasm' && r.studentSize === '800-800' && r.batchSize === 128,
  );
  const distilled = wasmRow('distilled', '800-800', 128);
  const fraction = wasmRow('distilled', '800-800', 512) ?? distilled;
  const settled = memory.slice(1);
  const tensorsFlat =
    settled.length > 1 && settled.every((m) => m.numTensors === settled[0].numTensors);
  const heaps = settled.map((m) => m.heapBytes).filter((h): h is number => h !== null);
  const heapGrowth = heaps.length > 1 ? heaps[heaps.length - 1] / heaps[0] - 1 : NaN;
  const firstView = stat(startup.map((s) => s.msToFirstSoftTargets));
  const bytesBefore = stat(startup.map((s) => s.bytesBeforeFirstView));
  const num = (v: number, digits = 0) =>
    Number.isFinite(v)
      ? v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
      : 'n/a';
  const check = (v: number, ok: (v: number) => boolean) => (Number.isFinite(v) ? ok(v) : null);
  const targets: Target[] = [
    {
      name: 'distilled 800-800 student, batch 128 (wasm)',
      goal: '≥ 2,000 samples/s',
      measured: `${num(distilled?.samplesPerSec.median ?? NaN)} samples/s`,
      met: check(distilled?.samplesPerSec.median ?? NaN, (v) => v >= 2000),
    },
    {
      name: 'KD overhead, distilled / control step (wasm, 800-800, b128)',
      goal: '≤ 1.15',
      measured: num(wasmRatio?.kdOverhead.median ?? NaN, 3),
      met: check(wasmRatio?.kdOverhead.median ?? NaN, (v) => v <= 1.15),
    },
    {
      name: 'ours / naive peer (wasm, 800-800, b128)',
      goal: '≥ 4',
      measured: `${num(wasmRatio?.oursOverNaive.median ?? NaN, 2)}×`,
      met: check(wasmRatio?.oursOverNaive.median ?? NaN, (v) => v >= 4),
    },
    {
      name: `achieved / plain matMul GFLOP/s (wasm, distilled 800-800, b${fraction?.batchSize ?? '?'})`,
      goal: '≥ 50%',
      measured: `${num(100 * (fraction?.ofMatMul.median ?? NaN))}%`,
      met: check(fraction?.ofMatMul.median ?? NaN, (v) => v >= 0.5),
    },
    {
      name: 'T slider → repaint while training, p95',
      goal: '≤ 16 ms',
      measured: responsiveness
        ? `${num(responsiveness.p95, 1)} ms (p50 ${num(responsiveness.p50, 1)}, ${responsiveness.drags} drags)`
        : 'n/a',
      met: responsiveness ? responsiveness.p95 <= 16 : null,
    },
    {
      name: 'main-thread long tasks in 30 s of training',
      goal: '0',
      measured: responsiveness
        ? `${responsiveness.longTasks} in ${responsiveness.longTaskWindowSeconds} s`
        : 'n/a',
      met: responsiveness ? responsiveness.longTasks === 0 : null,
    },
    {
      name: 'soft targets on screen after navigation (cold cache)',
      goal: '≤ 2,000 ms',
      measured: `${num(firstView.median)} ms (min ${num(firstView.min)}, max ${num(firstView.max)})`,
      met: check(firstView.median, (v) => v <= 2000),
    },
    {
      name: 'bytes transferred before first view',
      goal: '≤ 4 MB',
      measured: `${num(bytesBefore.median / 1e6, 2)} MB`,
      met: check(bytesBefore.median, (v) => v <= 4e6),
    },
    {
      name: 'numTensors flat after warm-up (5,000 steps)',
      goal: 'flat',
      measured: settled.length ? settled.map((m) => m.numTensors).join(', ') : 'n/a',
      met: settled.length > 1 ? tensorsFlat : null,
    },
    {
      name: 'JS heap growth over 5,000 steps',
      goal: '< 10%',
      measured: Number.isFinite(heapGrowth)
        ? `${num(100 * heapGrowth, 1)}% (${num(heaps[0] / 1e6, 1)} → ${num(heaps[heaps.length - 1] / 1e6, 1)} MB after GC, steps 500–${settled[settled.length - 1].step})`
        : 'n/a (no performance.memory)',
      met: check(heapGrowth, (v) => v < 0.1),
    },
  ];
  return {
    throughput,
    ratios,
    targets,
    startup: { firstView, bytesBefore, runs: startup },
    responsiveness,
    memory,
  };
}

export function renderMarkdown(
  command: string,
  machine: { cpus: number; cpu?: string; browser: string },
  s: ReturnType<typeof summarize>,
  threadsUsed: Record<string, number | null> = {},
): string {
  const n = (v: number, d = 0) =>
    Number.isFinite(v)
      ? v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d })
      : '–';
  const range = (x: Stat, d = 0) => `${n(x.median, d)} (${n(x.min, d)}–${n(x.max, d)})`;
  const lines = [
    `Measured with \`${command}\` on ${machine.cpus} × ${machine.cpu ?? 'CPU'}, ${machine.browser} headless, no GPU. Median (min–max) of runs.`,
    '',
    '### Targets',
    '',
    '| target | goal | measured | met |',
    '|---|---|---|---|',
    ...s.targets.map(
      (t) =>
        `| ${t.name} | ${t.goal} | ${t.measured} | ${t.met === null ? '–' : t.met ? 'yes' : '**no**'} |`,
    ),
    '',
    '### Training throughput',
    '',
    '| backend | step | model | batch | samples/s | GFLOP/s | of plain matMul |',
    '|---|---|---|---|---|---|---|',
    ...s.throughput.map(
      (r) =>
        `| ${r.label}${r.label.startsWith(r.backend) ? '' : ` → ${r.backend}`} | ${r.model} | ${r.studentSize} | ${r.batchSize} | ${range(r.samplesPerSec)} | ${n(r.gflops.median, 1)} | ${n(100 * r.ofMatMul.median)}% |`,
    ),
    '',
    ...(Object.keys(threadsUsed).length
      ? [
          `WASM threads in use: ${Object.entries(threadsUsed)
            .map(([label, t]) => `${label}: ${t ?? '–'}`)
            .join('; ')}.`,
          '',
        ]
      : []),
    '### Ratios (pair by pair, same run)',
    '',
    '| backend | student | batch | KD overhead (distilled / control) | ours / naive peer |',
    '|---|---|---|---|---|',
    ...s.ratios.map(
      (r) =>
        `| ${r.label} | ${r.studentSize} | ${r.batchSize} | ${range(r.kdOverhead, 3)} | ${range(r.oursOverNaive, 2)}× |`,
    ),
    '',
    '### Startup on a cold cache (the app, pretrained teacher)',
    '',
    '| measure | median (min–max) |',
    '|---|---|',
    ...(
      [
        ['navigation → first soft targets on screen, ms', 'msToFirstSoftTargets'],
        ['navigation → engine ready (test set, teacher, worker), ms', 'msToReady'],
        ['navigation → first training step after clicking Train, ms', 'msToFirstTrainingStep'],
        ['bytes transferred before the first soft targets', 'bytesBeforeFirstView'],
        ['bytes transferred in all (the 60k training set streams in after)', 'bytesTotal'],
      ] as const
    ).map(([label, key]) => `| ${label} | ${range(stat(s.startup.runs.map((r) => r[key])))} |`),
    '',
    ...(s.responsiveness
      ? [
          '### Responsiveness while training (the app, 800-800 students, wasm)',
          '',
          `T slider input → next paint: p50 ${n(s.responsiveness.p50, 1)} ms, p95 ${n(s.responsiveness.p95, 1)} ms, max ${n(s.responsiveness.max, 1)} ms over ${s.responsiveness.drags} drag steps; main-thread long tasks (> 50 ms): ${s.responsiveness.longTasks} in ${s.responsiveness.longTaskWindowSeconds} s.`,
          '',
        ]
      : []),
    "### Memory soak (wasm, distilled + control 30-30, on the page's main thread)",
    '',
    '| step | tf.memory().numTensors | JS heap after GC, MB | WASM memory, MB |',
    '|---|---|---|---|',
    ...s.memory.map(
      (m) =>
        `| ${m.step} | ${m.numTensors} | ${m.heapBytes === null ? '–' : n(m.heapBytes / 1e6, 2)} | ${m.wasmBytes === null || m.wasmBytes === undefined ? '–' : n(m.wasmBytes / 1e6, 1)} |`,
    ),
    '',
  ];
  return `${lines.join('\n')}\n`;
}
