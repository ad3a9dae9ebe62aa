/** Turns raw bench runs into medians, pair-by-pair ratios, the targets of issue 4, and Markdown. */
import type { BenchResult, MemorySample, StepTiming } from '../../src/bench/benchProtocol.ts';
import type { ResponsivenessResult, StartupResult } from './appBench.ts';
import { ceilingColumns, type CeilingColumns, type CeilingData } from './ceilingSummary.ts';
import { stat, type Stat } from './stat.ts';

export { stat, type Stat };

export interface ThroughputRow extends CeilingColumns {
  label: string;
  backend: string;
  model: StepTiming['model'];
  studentSize: string;
  batchSize: number;
  samplesPerSec: Stat;
  gflops: Stat;
  /**
   * Achieved GFLOP/s / one plain matMul's GFLOP/s (batch × 784 · 784 × 800) of the same run,
   * pair by pair: a reference, not a ceiling (it can pass 100%).
   */
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
  ceiling: CeilingData | null = null,
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
        ...ceilingColumns(ceiling, label, model as StepTiming['model'], studentSize, Number(batch)),
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
      name: `achieved / one plain matMul's GFLOP/s, not a ceiling (wasm, distilled 800-800, b${fraction?.batchSize ?? '?'})`,
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
