/** The README's results table, from every bench/reproduce/*.json that `npm run reproduce` wrote. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRESETS } from '../../src/state/presets.ts';
import { TEACHER_QUALITY_PRESETS } from '../../src/state/teacherQualityPresets.ts';
import { VARIANT_PRESETS } from '../../src/state/variantPresets.ts';
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

/** Hinton et al.'s presets in the first table, the variants in the second, in the page's order. */
const ORDER: readonly string[] = PRESETS.filter(
  (p) => !VARIANT_PRESETS.includes(p) && !TEACHER_QUALITY_PRESETS.includes(p),
).map((p) => p.id);
const VARIANTS: readonly string[] = VARIANT_PRESETS.map((p) => p.id);
const TEACHER_QUALITY: readonly string[] = TEACHER_QUALITY_PRESETS.map((p) => p.id);

interface MemberOutcome {
  label: string;
  role: 'teacher' | 'learner';
  errors?: number;
  agreement?: number;
  groups?: Record<string, number>;
}

interface VariantOutcome {
  preset: string;
  title: string;
  settings: { temperature: number; alpha: number; studentEpochs: number };
  members: Record<string, MemberOutcome>;
  seconds: number;
  backend: string;
}

interface PaperRun extends Outcome {
  curve: { epoch: number; errors: Record<string, number> }[];
}

/** One cell: each member's test errors, its agreement with its teacher, its errors per digit group. */
function memberCell(m: MemberOutcome): string {
  const groups = m.groups
    ? ` [${Object.entries(m.groups)
        .map(([g, n]) => `${g}: ${n}`)
        .join(', ')}]`
    : '';
  const agreement =
    m.role === 'learner' && m.agreement !== undefined
      ? ` (${(100 * m.agreement).toFixed(1)}% agree)`
      : '';
  return `${m.label} **${m.errors ?? '–'}**${agreement}${groups}`;
}

function variantsTable(outcomes: VariantOutcome[]): string {
  const rows = outcomes.map((o) => {
    const members = Object.values(o.members);
    const teachers = members
      .filter((m) => m.role === 'teacher')
      .map(memberCell)
      .join('; ');
    const learners = members
      .filter((m) => m.role === 'learner')
      .map(memberCell)
      .join('; ');
    return `| ${o.title} | T = ${o.settings.temperature}, α = ${o.settings.alpha}, ${o.settings.studentEpochs} epoch${o.settings.studentEpochs === 1 ? '' : 's'} | ${teachers} | ${learners} | ${formatSeconds(o.seconds)} (${o.backend}) |`;
  });
  return [
    '| preset | run | teachers: test errors | learners: test errors (top-1 agreement with their teacher) | time (backend) |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** Where the long run's curves flatten: errors at a few epochs, and each model's best. */
function paperRunTable(run: PaperRun): string {
  const ids = ['distilled', 'control'];
  const at = [1, 2, 4, 8, 12, 16, 20, 30, 40, 50];
  const byEpoch = (e: number) =>
    run.curve.find((p) => Math.round(p.epoch) === e && p.errors.distilled !== undefined);
  const header = `| epoch | ${at.filter(byEpoch).join(' | ')} | best (epoch) |`;
  const rows = ids.map((id) => {
    const cells = at.filter(byEpoch).map((e) => String(byEpoch(e)!.errors[id] ?? '–'));
    const points = run.curve.filter((p) => p.errors[id] !== undefined && p.epoch > 0);
    const best = points.reduce((b, p) => (p.errors[id] < b.errors[id] ? p : b), points[0]);
    return `| ${id} | ${cells.join(' | ')} | ${best ? `${best.errors[id]} (${Math.round(best.epoch)})` : '–'} |`;
  });
  return [
    header,
    `|---|${at
      .filter(byEpoch)
      .map(() => '---|')
      .join('')}---|`,
    ...rows,
  ].join('\n');
}

export function writeReproduceTable(dir: string): string {
  const all = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ file: f, outcome: JSON.parse(readFileSync(join(dir, f), 'utf8')) as Outcome }));
  const outcomes = all
    .filter(({ file, outcome }) => ORDER.includes(outcome.preset) && !file.endsWith('-paper.json'))
    .map(({ outcome }) => outcome)
    .sort((a, b) => ORDER.indexOf(a.preset) - ORDER.indexOf(b.preset));
  const variants = all
    .map(({ outcome }) => outcome as unknown as VariantOutcome)
    .filter((o) => VARIANTS.includes(o.preset))
    .sort((a, b) => VARIANTS.indexOf(a.preset) - VARIANTS.indexOf(b.preset));
  const teacherQuality = all
    .map(({ outcome }) => outcome as unknown as VariantOutcome)
    .filter((o) => TEACHER_QUALITY.includes(o.preset))
    .sort((a, b) => TEACHER_QUALITY.indexOf(a.preset) - TEACHER_QUALITY.indexOf(b.preset));
  const paperRun = all.find(({ file }) => file === 'hinton2015-paper.json')?.outcome as
    PaperRun | undefined;
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
    ...(variants.length > 0
      ? [
          '### Distillation variants',
          '',
          variantsTable(variants),
          '',
          'Test errors out of 10,000; for specialists, also errors on each half of the digits. Each row: `npm run reproduce -- --preset <name>`.',
          '',
        ]
      : []),
    ...(teacherQuality.length > 0
      ? [
          '### Teacher quality',
          '',
          variantsTable(teacherQuality),
          '',
          'Test errors out of 10,000: the same student (twins: same first weights, same batches) distilled from a good and from a worse teacher, and its hard-label control. Each row: `npm run reproduce -- --preset <name>`.',
          '',
        ]
      : []),
    ...(paperRun
      ? [
          '### Hinton 2015, paper length (`npm run reproduce -- --preset hinton2015 --paper`)',
          '',
          paperRunTable(paperRun),
          '',
          `Test errors out of 10,000 after each epoch; teacher ${paperRun.teacher.errors}; ${formatSeconds(paperRun.seconds)} (${paperRun.backend}). The paper: teacher 67, distilled 74, control 146.`,
          '',
        ]
      : []),
  ].join('\n');
  writeFileSync(join(dir, 'results.md'), table);
  return table;
}
