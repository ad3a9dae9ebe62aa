/** bench/results.md from the summarized bench. */
import type { summarize } from './benchSummary.ts';
import { stat, type Stat } from './stat.ts';

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
  const pct = (v: number) => (Number.isFinite(v) ? `${n(100 * v)}%` : '–');
  const range = (x: Stat, d = 0) => `${n(x.median, d)} (${n(x.min, d)}–${n(x.max, d)})`;
  const lines = [
    `Measured with ${command} on ${machine.cpus} × ${machine.cpu ?? 'CPU'}, ${machine.browser} headless, no GPU. Median (min–max) of runs.`,
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
    "GFLOP/s counts 3 × forward FLOPs per sample. *of one plain matMul*: that GFLOP/s over one plain `tf.matMul` (batch × 784 · 784 × 800) of the same run, a reference and not a ceiling (it passes 100%). *achieved / ceiling*: the sum of the best times of the matrix products the step really does (forward, weight gradients, input gradients past the first layer; each product timed alone, the fastest of plain, swapped operands, the project kernel and the transpose flags, operands reused) over the step's time, both from the ceiling pages (`--only ceiling`), which time the step again just before its products: (ceiling of step ms) in brackets, so a step time that differs from this table's samples/s shows. ≤ 100% up to noise. WASM and cpu only: on the GPU backends each product alone pays a readback the step does not (see the ceiling section). *of microkernel peak*: the step's product FLOPs per second there over the SIMD microkernel's peak on one core (times the WASM threads in use).",
    '',
    '| backend | step | model | batch | samples/s | GFLOP/s | of one plain matMul (reference) | achieved / ceiling | of microkernel peak |',
    '|---|---|---|---|---|---|---|---|---|',
    ...s.throughput.map(
      (r) =>
        `| ${r.label}${r.label.startsWith(r.backend) ? '' : ` → ${r.backend}`} | ${r.model} | ${r.studentSize} | ${r.batchSize} | ${range(r.samplesPerSec)} | ${n(r.gflops.median, 1)} | ${n(100 * r.ofMatMul.median)}% | ${r.ceilingMs === null ? '–' : `${n(100 * r.ofCeiling)}% (${n(r.ceilingMs, 1)} of ${n(r.ceilingPageStepMs ?? NaN, 1)} ms)`} | ${pct(r.ofMicrokernel)} |`,
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
