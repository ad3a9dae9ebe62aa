/** The README's results table, from every bench/reproduce/*.json that `npm run reproduce` wrote. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatSeconds } from './progress.ts';

interface ModelOutcome {
  errors: number;
  omittedErrors: number;
  omittedCount: number;
}

interface Outcome {
  preset: string;
  title: string;
  command: string;
  settings: { studentSize: string; temperature: number; alpha: number; studentEpochs: number };
  teacher: { errors?: number };
  distilled: ModelOutcome | null;
  control: ModelOutcome | null;
  distilledWithPaperBias: (ModelOutcome & { classes: number[]; shift: number }) | null;
  paper: Record<string, number | undefined>;
  seconds: number;
  backend: string;
}

const ORDER = ['hinton2015', 'small-student', 'missing-3', 'only-78', 'no-labels', 'three-percent'];

export function writeReproduceTable(dir: string): string {
  const outcomes = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Outcome)
    .sort((a, b) => ORDER.indexOf(a.preset) - ORDER.indexOf(b.preset));
  const errors = (m: ModelOutcome | null | undefined) =>
    !m
      ? '–'
      : m.omittedCount > 0
        ? `${m.errors} (${m.omittedErrors} of ${m.omittedCount} omitted)`
        : String(m.errors);
  const paper = (o: Outcome) => {
    const p = o.paper;
    if (p.errorRate !== undefined)
      return `${(100 * p.errorRate).toFixed(1)}% error → ${(100 * (p.errorRateAfterBias ?? NaN)).toFixed(1)}% with bias`;
    const parts = [
      p.teacher !== undefined ? `teacher ${p.teacher}` : '',
      p.distilled !== undefined
        ? `distilled ${p.distilled}${p.omitted !== undefined ? ` (${p.omitted} on 3s)` : ''}`
        : '',
      p.control !== undefined ? `control ${p.control}` : '',
      p.distilledAfterBias !== undefined
        ? `with bias ${p.distilledAfterBias} (${p.omittedAfterBias} on 3s)`
        : '',
    ].filter(Boolean);
    return parts.length ? parts.join(', ') : '–';
  };
  const rows = outcomes.map((o) => {
    const bias = o.distilledWithPaperBias;
    const biasText = bias
      ? `${errors(bias)} at ${bias.shift > 0 ? '+' : ''}${bias.shift} on ${bias.classes.join(', ')}`
      : '–';
    return `| ${o.title} | ${o.settings.studentSize}, T = ${o.settings.temperature}, α = ${o.settings.alpha}, ${o.settings.studentEpochs} epochs | ${o.teacher.errors ?? '–'} | ${errors(o.distilled)} | ${errors(o.control)} | ${biasText} | ${paper(o)} | ${formatSeconds(o.seconds)} (${o.backend}) |`;
  });
  const table = [
    '| preset | run | teacher | distilled student | control student | distilled, paper’s bias shift | paper (Hinton et al. 2015) | time (backend) |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    'Test errors out of 10,000. Each row: `npm run reproduce -- --preset <name>` (Node, @tensorflow/tfjs WASM backend, 1 thread).',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'results.md'), table);
  return table;
}
