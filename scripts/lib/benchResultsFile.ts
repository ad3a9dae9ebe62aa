/**
 * bench/results.json as committed: rendering it to bench/results.md, and merging parts measured
 * on their own (`npm run bench -- --only soak,ceiling,pair,app`) into it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { PairResult } from '../../src/bench/pairProtocol.ts';
import type { SoakResult } from './appSoak.ts';
import { soakMarkdown } from './appSoak.ts';
import { renderMarkdown } from './benchMarkdown.ts';
import { summarize } from './benchSummary.ts';
import type { CeilingData } from './ceilingSummary.ts';
import { appWorkersMarkdown, ceilingMarkdown, pairMarkdown } from './partsMarkdown.ts';

const JSON_PATH = 'bench/results.json';
const MD_PATH = 'bench/results.md';

/** The parts `--only` may measure, and the raw keys they fill. */
export interface BenchParts {
  soak?: SoakResult | null;
  ceiling?: CeilingData | null;
  pair?: PairResult[] | null;
  /**
   * Training throughput per backend and the memory soak (raw.results, raw.memory): a backend
   * measured replaces its rows (and its isolated variants'), the others stay as they were.
   */
  throughput?: {
    results: Parameters<typeof summarize>[0];
    memory: Parameters<typeof summarize>[1];
    threadsUsed: Record<string, number | null>;
  } | null;
  /** The real app with one training worker and with two (appWorkersBench.ts). */
  workers?: PairResult[] | null;
  /** The real app: startup on a cold cache and the T slider while training (raw.startup and
   * raw.responsiveness). */
  app?: {
    startup: Parameters<typeof summarize>[2];
    responsiveness: Parameters<typeof summarize>[3];
  } | null;
}
export type PartName = keyof BenchParts;
export const PART_NAMES: readonly PartName[] = [
  'throughput',
  'soak',
  'ceiling',
  'pair',
  'workers',
  'app',
];

export interface SavedResults {
  command: string;
  machine: { cpus: number; cpu?: string; browser: string };
  threadsUsed?: Record<string, number | null>;
  /** The command that last measured each part on its own. */
  partCommands?: Partial<Record<PartName, string>>;
  raw: {
    results: Parameters<typeof summarize>[0];
    memory: Parameters<typeof summarize>[1];
    startup: Parameters<typeof summarize>[2];
    responsiveness: Parameters<typeof summarize>[3];
  } & BenchParts;
  [key: string]: unknown;
}

export function markdownOf(saved: SavedResults): string {
  const { results, memory, startup, responsiveness, soak, ceiling, pair, workers } = saved.raw;
  const commands = saved.partCommands ?? {};
  const summary = summarize(results, memory, startup, responsiveness, ceiling ?? null);
  const parts = [
    ...(ceiling ? ceilingMarkdown(ceiling, commands.ceiling) : []),
    ...(pair?.length ? pairMarkdown(pair, commands.pair) : []),
    ...(workers?.length ? appWorkersMarkdown(workers, commands.workers) : []),
    ...(soak ? soakMarkdown(soak) : []),
  ];
  return (
    renderMarkdown(
      // A part measured on its own names itself; the full run's rows keep the full command.
      commands.throughput
        ? `\`${commands.throughput}\` (the backends it names) and \`${saved.command}\` (the others)`
        : `\`${saved.command}\``,
      saved.machine,
      summary,
      saved.threadsUsed ?? {},
    ) + (parts.length ? `\n${parts.join('\n')}` : '')
  );
}

/** Rewrites bench/results.md from bench/results.json (no measuring). */
export function renderSaved(): void {
  const saved = JSON.parse(readFileSync(JSON_PATH, 'utf8')) as SavedResults;
  writeFileSync(MD_PATH, markdownOf(saved));
}

/** Puts freshly measured parts into bench/results.json, everything else as it was measured. */
export function mergeParts(parts: BenchParts, command: string): void {
  const saved = JSON.parse(readFileSync(JSON_PATH, 'utf8')) as SavedResults;
  saved.partCommands ??= {};
  if (typeof saved.soakCommand === 'string') saved.partCommands.soak ??= saved.soakCommand;
  delete saved.soakCommand;
  for (const name of PART_NAMES) {
    if (parts[name] === undefined) continue;
    if (name === 'app') {
      if (parts.app) Object.assign(saved.raw, parts.app);
      saved.partCommands[name] = command;
      continue;
    }
    if (name === 'throughput') {
      const fresh = parts.throughput;
      if (!fresh) continue;
      // In place, so the tables keep their order; a label never measured before goes last.
      const byLabel = new Map(fresh.results.map((r) => [r.label, r]));
      const kept = saved.raw.results.map((r) => byLabel.get(r.label) ?? r);
      const added = fresh.results.filter(
        (r) => !saved.raw.results.some((s) => s.label === r.label),
      );
      saved.raw.results = [...kept, ...added];
      if (fresh.memory.length) saved.raw.memory = fresh.memory;
      saved.threadsUsed = { ...saved.threadsUsed, ...fresh.threadsUsed };
      saved.partCommands[name] = command;
      continue;
    }
    Object.assign(saved.raw, {
      [name]: name === 'ceiling' ? mergeCeilings(saved.raw.ceiling, parts.ceiling) : parts[name],
    });
    saved.partCommands[name] = command;
  }
  writeFileSync(JSON_PATH, `${JSON.stringify(saved, null, 2)}\n`);
  renderSaved();
}

export function writeResults(saved: SavedResults): void {
  writeFileSync(JSON_PATH, `${JSON.stringify(saved, null, 2)}\n`);
  writeFileSync(MD_PATH, markdownOf(saved));
}

/**
 * A ceiling run for some backends replaces those labels only; the microkernel peak is replaced
 * when the run measured it (its wasm page does).
 */
function mergeCeilings(
  saved: CeilingData | null | undefined,
  fresh: CeilingData | null | undefined,
): CeilingData | null {
  if (!saved || !fresh) return fresh ?? saved ?? null;
  const labels = new Set(fresh.entries.map((e) => e.label));
  return {
    entries: [...saved.entries.filter((e) => !labels.has(e.label)), ...fresh.entries],
    microkernel: fresh.microkernel.length ? fresh.microkernel : saved.microkernel,
  };
}
