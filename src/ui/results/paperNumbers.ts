/**
 * The preset's numbers from the paper, as text per roster member. Presets quote them for the
 * default roster's members, whose ids are the keys of PaperNumbers (teacher, distilled, control).
 * The words come from a translation function (the page passes i18next's t); without one they are
 * the English of the results part.
 */
import type { RosterEntry } from '../../engine/protocol.ts';
import { resultsPart } from '../../i18n/parts/results.ts';
import type { PaperNumbers } from '../../state/presets.ts';

/** A key of the page's words, with the values of its {{placeholders}}: i18next's t fits. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

const ENGLISH: Record<string, unknown> = { results: resultsPart.en };

/** English straight from the results part, without i18next. */
const english: Translate = (key, values) => {
  const text = key
    .split('.')
    .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], ENGLISH);
  if (typeof text !== 'string') return key;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values?.[name] ?? ''));
};

const PAPER_IDS = ['teacher', 'distilled', 'control'] as const;
type PaperId = (typeof PAPER_IDS)[number];

function paperFor(id: PaperId, paper: PaperNumbers, t: Translate): string {
  const errors = (n: number | undefined) =>
    n !== undefined ? t('results.paper.errors', { n }) : '';
  if (id === 'teacher') return errors(paper.teacher);
  if (id === 'control') return errors(paper.control);
  if (paper.errorRate !== undefined) {
    const after =
      paper.errorRateAfterBias !== undefined
        ? t('results.paper.afterBias', { rate: (100 * paper.errorRateAfterBias).toFixed(1) })
        : '';
    return t('results.paper.errorRate', { rate: (100 * paper.errorRate).toFixed(1), after });
  }
  if (paper.distilled === undefined) return '';
  const base = t('results.paper.distilled', {
    n: paper.distilled,
    omitted: paper.omitted !== undefined ? t('results.paper.omitted', { n: paper.omitted }) : '',
  });
  return paper.distilledAfterBias !== undefined
    ? t('results.paper.withBias', {
        base,
        errors: paper.distilledAfterBias,
        omitted: String(paper.omittedAfterBias),
      })
    : base;
}

/** "teacher 67 errors; distilled student 74 errors; …", or '' when the preset quotes none. */
export function paperLine(
  paper: PaperNumbers | undefined,
  members: readonly RosterEntry[],
  t: Translate = english,
): string {
  if (!paper) return '';
  return PAPER_IDS.flatMap((id) => {
    const member = members.find((m) => m.id === id);
    const text = member ? paperFor(id, paper, t) : '';
    return text ? [t('results.paper.member', { label: member!.label, numbers: text })] : [];
  }).join(t('results.paper.separator'));
}
