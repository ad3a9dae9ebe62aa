/**
 * npm run sweep -- [--student 30-30] [--epochs 1] [--T 1,2,4,8,20] [--alpha 0,0.1,0.5,0.9]
 *   [--seeds 1] [--fraction 1] [--no-search] [--out bench/sweep/<name>]
 *
 * The page's T × α sweep, headless in Node (@tensorflow/tfjs, WASM backend) with the engine's own
 * Run, data and pretrained teacher: one lockstep run per seed trains every cell beside one
 * hard-label control. Then successive halving over a finer grid at no more learner-epochs than
 * the grid, chosen on test digits 1–5,000 and compared on 5,001–10,000. Writes <out>.json and
 * <out>.md (tables with rows α, columns T) and prints a one-line JSON summary.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { matMulForBackend } from '../src/kernels/denseMatMul.ts';
import type { HiddenLayers } from '../src/models/architectures.ts';
import type { MlpWeightsJson } from '../src/models/weightsFile.ts';
import {
  fitToBudget,
  SEARCH_ALPHAS,
  SEARCH_TEMPERATURES,
} from '../src/engine/sweep/successiveHalving.ts';
import {
  cellId,
  DEFAULT_SWEEP,
  gridCells,
  type SweepConfig,
} from '../src/engine/sweep/sweepGrid.ts';
import { runGrid, runSearch } from '../src/engine/sweep/sweepRunner.ts';
import { bestByValidation } from '../src/engine/sweep/sweepScore.ts';
import { flag, numberOption, textOption } from './lib/cliOptions.ts';
import { loadMnistNode } from './lib/nodeMnist.ts';
import { formatSeconds, ProgressBar } from './lib/progress.ts';
import { sweepMarkdown, type SweepReport } from './lib/sweepTable.ts';

const STUDENTS: readonly HiddenLayers[] = ['30-30', '300-300', '800-800'];

function numberList(name: string, fallback: readonly number[]): number[] {
  const raw = textOption(name);
  if (raw === undefined) return [...fallback];
  const values = raw.split(',').map(Number);
  if (values.length === 0 || values.some((v) => !Number.isFinite(v))) {
    console.error(`sweep: --${name} ${raw}: expected numbers separated by commas`);
    process.exit(2);
  }
  return values;
}

const student = (textOption('student') ?? DEFAULT_SWEEP.student) as HiddenLayers;
if (!STUDENTS.includes(student)) {
  console.error(`sweep: --student must be one of ${STUDENTS.join(', ')}`);
  process.exit(2);
}
const config: SweepConfig = {
  ...DEFAULT_SWEEP,
  student,
  epochs: numberOption('epochs', DEFAULT_SWEEP.epochs),
  temperatures: numberList('T', DEFAULT_SWEEP.temperatures),
  alphas: numberList('alpha', DEFAULT_SWEEP.alphas),
  seeds: numberList('seeds', DEFAULT_SWEEP.seeds),
  fraction: numberOption('fraction', DEFAULT_SWEEP.fraction),
};
if (config.temperatures.some((t) => t < 1) || config.alphas.some((a) => a < 0 || a > 1)) {
  console.error('sweep: T must be ≥ 1 and α in 0–1');
  process.exit(2);
}
const search = !flag('no-search');
const out = textOption('out') ?? `bench/sweep/${student}-e${config.epochs}`;
const command = `npm run sweep -- ${process.argv.slice(2).join(' ')}`.trim();

await tf.setBackend('wasm');
await tf.ready();
const json = JSON.parse(readFileSync('public/models/teacher.json', 'utf8')) as MlpWeightsJson;
const bin = new Uint8Array(readFileSync(`public/models/${json.weightsManifest[0].paths[0]}`))
  .buffer;
const data = { train: loadMnistNode('train'), test: loadMnistNode('test') };
const base = { matMul: matMulForBackend('wasm'), teacher: { json, bin } };

const cells = gridCells(config);
console.error(
  `sweep: ${cells.length} cells (T ${config.temperatures.join(', ')} × α ${config.alphas.join(', ')}), ${student}, ${config.epochs} epoch(s), seeds ${config.seeds.join(', ')}, fraction ${config.fraction}`,
);
let bar = new ProgressBar(config.seeds.length, 'grid');
let seedsDone = 0;
let started = Date.now();
const grid = await runGrid(data, config, {
  ...base,
  onProgress: (f, activity) => bar.update(seedsDone + f, activity),
  onRunDone: () => seedsDone++,
});
bar.done();
const gridSeconds = (Date.now() - started) / 1000;
const best = bestByValidation(grid.mean.cells);
console.error(`sweep: grid done in ${formatSeconds(gridSeconds)}; best by validation ${best}`);

let searchReport: SweepReport['search'] = null;
if (search) {
  // As many candidates of the finer grid as the grid's learner-epochs pay for.
  const { candidates, plan } = fitToBudget(
    gridCells({ temperatures: SEARCH_TEMPERATURES, alphas: SEARCH_ALPHAS }),
    cells.length * config.epochs,
    3,
    config.epochs,
    3,
  );
  const runs = plan.length * config.seeds.length;
  let runsDone = 0;
  bar = new ProgressBar(runs, 'search');
  started = Date.now();
  const result = await runSearch(data, config, candidates, plan, {
    ...base,
    onProgress: (f, activity) => bar.update(runsDone + f, activity),
    onRunDone: () => runsDone++,
  });
  bar.done();
  searchReport = {
    ...result,
    seconds: (Date.now() - started) / 1000,
    candidates: candidates.length,
  };
  console.error(
    `sweep: search done in ${formatSeconds(searchReport.seconds)}; chose ${cellId(result.best.cell)}`,
  );
}

const report: SweepReport = {
  command,
  config,
  grid: { ...grid, seconds: Math.round(gridSeconds), best },
  search: searchReport && { ...searchReport, seconds: Math.round(searchReport.seconds) },
  backend: tf.getBackend(),
  date: new Date().toISOString(),
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(`${out}.json`, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(`${out}.md`, sweepMarkdown(report));
console.error(`sweep: wrote ${out}.json and ${out}.md`);
console.log(
  JSON.stringify({
    control: grid.mean.control.test,
    gridBest: { cell: best, ...grid.mean.cells[best] },
    gridSeconds: report.grid.seconds,
    gridCost: grid.cost.cellEpochs,
    searchBest: searchReport && {
      cell: cellId(searchReport.best.cell),
      ...searchReport.best.score,
    },
    searchSeconds: searchReport?.seconds ?? null,
    searchCost: searchReport?.cost.cellEpochs ?? null,
  }),
);
