/** The sweep's Markdown: the grid as tables (rows α, columns T), the best cells and the search. */
import { cellId, gridCells, type SweepConfig } from '../../src/engine/sweep/sweepGrid.ts';
import type { GridResult, SearchResult } from '../../src/engine/sweep/sweepRunner.ts';
import type { SweepScore } from '../../src/engine/sweep/sweepScore.ts';
import { formatSeconds } from './progress.ts';

export interface SweepReport {
  command: string;
  config: SweepConfig;
  grid: GridResult & { seconds: number; best: string };
  search: (SearchResult & { seconds: number; candidates: number }) | null;
  backend: string;
  date: string;
}

const round = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
const signed = (v: number) => (v > 0 ? `+${round(v)}` : round(v));

function gridTable(config: SweepConfig, cell: (id: string) => string): string {
  const header = `| α \\ T | ${config.temperatures.join(' | ')} |`;
  const rule = `|---|${config.temperatures.map(() => '---|').join('')}`;
  const rows = config.alphas.map(
    (alpha) =>
      `| ${alpha} | ${config.temperatures.map((temperature) => cell(cellId({ temperature, alpha }))).join(' | ')} |`,
  );
  return [header, rule, ...rows].join('\n');
}

const describe = (s: SweepScore) =>
  `${round(s.test)} test errors (${round(s.validation)} on the validation half, ${round(s.heldOut)} on the held-out half)`;

export function sweepMarkdown(report: SweepReport): string {
  const { config, grid, search } = report;
  const control = grid.mean.control;
  const best = grid.mean.cells[grid.best];
  const cells = gridCells(config).length;
  const seeds = config.seeds.length;
  const lines = [
    `# T × α sweep: ${config.student} student, ${config.epochs} epoch${config.epochs === 1 ? '' : 's'}, seed${seeds === 1 ? '' : 's'} ${config.seeds.join(', ')}`,
    '',
    `\`${report.command}\` — ${report.backend}, ${report.date.slice(0, 10)}.`,
    '',
    `Test errors out of 10,000 (mean over seeds) of the distilled student at each (T, α); the hard-label control, trained once per seed beside the cells: **${round(control.test)}**.`,
    '',
    gridTable(config, (id) => round(grid.mean.cells[id].test)),
    '',
    'Distilled − control (negative: distillation helped):',
    '',
    gridTable(config, (id) => signed(grid.mean.cells[id].test - control.test)),
    '',
    `Grid: ${cells} cells × ${config.epochs} epoch${config.epochs === 1 ? '' : 's'} × ${seeds} seed${seeds === 1 ? '' : 's'} = ${round(grid.cost.cellEpochs)} learner-epochs (+ ${round(grid.cost.controlEpochs)} for the control), ${formatSeconds(grid.seconds)} wall time.`,
    `Best cell chosen on the validation half (test digits 1–5,000): **${grid.best}**, ${describe(best)}; the control: ${describe(control)}.`,
  ];
  if (search) {
    const s = search.best.score;
    lines.push(
      '',
      `## Successive halving (η = 3) at equal or lower compute`,
      '',
      `${search.candidates} candidates (of T ∈ {1, 1.5, 2, 3, 4, 6, 10, 20} × α ∈ {0, 0.1, 0.2, 0.35, 0.5, 0.7, 0.9}, as many as the grid's learner-epochs pay for); each rung restarts its survivors from the same first weights and keeps the best third by validation errors.`,
      '',
      '| rung | candidates | epochs each | best so far (validation errors) |',
      '|---|---|---|---|',
      ...search.rungs.map((r, k) => {
        const top = r.results.reduce((b, x) => (x.score.validation < b.score.validation ? x : b));
        return `| ${k + 1} | ${r.results.length} | ${round(r.epochs * 100) === String(r.epochs * 100) ? r.epochs : r.epochs.toFixed(3)} | ${cellId(top.cell)} (${round(top.score.validation)}) |`;
      }),
      '',
      `Search: ${round(search.cost.cellEpochs)} learner-epochs (grid: ${round(grid.cost.cellEpochs)}), ${formatSeconds(search.seconds)} wall time (each rung caches the teacher's outputs again).`,
      `Its choice: **${cellId(search.best.cell)}**, ${describe(s)}.`,
      `Held-out errors, the fair comparison (neither choice saw these digits): grid's choice ${round(best.heldOut)}, search's choice ${round(s.heldOut)}, control ${round(control.heldOut)}.`,
    );
  }
  return `${lines.join('\n')}\n`;
}
