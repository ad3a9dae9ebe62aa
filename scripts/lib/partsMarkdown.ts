/** bench/results.md sections of the parts measured on their own: the ceiling and the pair. */
import type { PairResult } from '../../src/bench/pairProtocol.ts';
import { sameRunCeilingRows, type CeilingData } from './ceilingSummary.ts';

const n = (v: number, d = 0) =>
  Number.isFinite(v)
    ? v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d })
    : '–';

export function ceilingMarkdown(data: CeilingData, command?: string): string[] {
  const lines = [
    "### Ceiling: the steps' matrix products, each at its best",
    '',
    ...(command ? [`Measured with \`${command}\`.`, ''] : []),
    'The machine limit: register-blocked WebAssembly SIMD (simd128) matmul microkernels (src/kernels/matmulMicrokernel.wat), a block of C in registers, A and B in cache, one core; best (median) of the timed calls:',
    '',
    '| microkernel block | k | GFLOP/s best | GFLOP/s median |',
    '|---|---|---|---|',
    ...data.microkernel.map(
      (p) => `| ${p.block} | ${p.k} | ${n(p.gflops, 1)} | ${n(p.medianGflops, 1)} |`,
    ),
    '',
    "The steps timed again on the ceiling pages, just before their products in the same worker; on wasm two such pages in a row, each step's and each product's fastest kept (the machine is shared, and load shifts within a minute). Step ms, the summed best times of its products, and the ratios; GPU backends here are software (SwiftShader), and their rows are no ceiling: each product timed alone pays a GPU readback that a step, its kernels queued behind each other, pays once, so sums pass the step time (and one WebGPU product, 30 × 784 × 128, took over a second alone).",
    '',
    '| backend | step | model | batch | step ms | ceiling ms | achieved / ceiling | product GFLOP/s | of microkernel peak |',
    '|---|---|---|---|---|---|---|---|---|',
    ...sameRunCeilingRows(data).map(
      (r) =>
        `| ${r.label} | ${r.model} | ${r.studentSize} | ${r.batchSize} | ${n(r.stepMs, 2)} | ${n(r.ceilingMs, 2)} | ${n(100 * r.ofCeiling)}% | ${n(r.productGflops, 1)} | ${n(100 * r.ofMicrokernel)}% |`,
    ),
    '',
  ];
  for (const entry of data.entries) {
    if (entry.failure || !entry.label.startsWith('wasm')) {
      if (entry.failure) lines.push(`${entry.label}: failed (${entry.failure}).`, '');
      continue;
    }
    lines.push(
      `Products timed on ${entry.label} (ms, median of the fastest way; the way; GFLOP/s):`,
      '',
      '| product (m × k × n, either orientation) | best ms | way | GFLOP/s |',
      '|---|---|---|---|',
      ...entry.products.map(
        (p) =>
          `| ${p.key.replaceAll('x', ' × ')} | ${n(p.bestMs, 3)} | ${p.best} | ${n((2 * p.m * p.k * p.n) / (p.bestMs * 1e6), 1)} |`,
      ),
      '',
    );
  }
  return lines;
}

function pairRow(r: PairResult): string {
  const mode =
    r.workers === 2
      ? 'two workers, one learner each'
      : r.workers === 1
        ? 'one worker, both in lockstep'
        : 'no training (the page alone)';
  const rate = (w: PairResult['idle']) =>
    r.workers ? `${n(w.pairStepsPerSec, 2)} (${n(w.samplesPerSec)})` : '–';
  return `| ${mode} | ${rate(r.idle)} | ${rate(r.drag)} | ${n(r.drag.p50, 1)} | ${n(r.drag.p95, 1)} | ${n(r.drag.max, 1)} | ${r.drag.inputs} | ${r.idle.longTasks} in ${n(r.idle.seconds)} s | ${r.drag.longTasks} in ${n(r.drag.seconds)} s |`;
}

const PAIR_HEADER = [
  '| training | pair-steps/s, page idle | pair-steps/s, while dragging | p50 ms | p95 ms | max ms | inputs | long tasks, idle | long tasks, dragging |',
  '|---|---|---|---|---|---|---|---|---|',
];

export function pairMarkdown(pair: PairResult[], command?: string): string[] {
  const cores = pair[0]?.hardwareConcurrency;
  return [
    '### Learners in parallel: one worker or two',
    '',
    ...(command ? [`Measured with \`${command}\`.`, ''] : []),
    `A distilled and a control 800-800 student, batch 128, wasm (${pair[0]?.threads ?? '–'} thread per worker), the teacher's logits cached, the same batch order; navigator.hardwareConcurrency = ${cores ?? '–'}. Pair-steps/s: steps both learners completed per second (samples/s of each learner in brackets), first with the page untouched, then while a temperature slider on the page (10 × 10 soft-target bars redrawn per input) is dragged with the mouse. Latency: input event → next paint.`,
    '',
    ...PAIR_HEADER,
    ...pair.map(pairRow),
    '',
  ];
}

/** The app itself with `?workers=1` and `?workers=2` (appWorkersBench.ts). */
export function appWorkersMarkdown(rows: PairResult[], command?: string): string[] {
  return [
    '### The app: learners in one training worker or two',
    '',
    ...(command ? [`Measured with \`${command}\`.`, ''] : []),
    `The app itself, \`?student=800-800&backend=wasm&workers=1\` and \`…&workers=2\`: the pretrained teacher's outputs cached, then the distilled and the control student in lockstep on the same batches, in one worker or one each in two (the control in the second). navigator.hardwareConcurrency = ${rows[0]?.hardwareConcurrency ?? '–'}, where \`workers=auto\` means one. Pair-steps/s from the step count of the status line, first with the page untouched, then while the T slider is dragged with the mouse (the views hold while the slider is held, so the drag window ends at the first step shown after the release: up to one snapshot, 200 ms, of slack). Latency: input event → next paint, as in *Responsiveness*.`,
    '',
    ...PAIR_HEADER,
    ...rows.map(pairRow),
    '',
  ];
}
