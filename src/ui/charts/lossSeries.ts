/**
 * Which curves the loss chart draws, from the roster: for each learner that trains, its terms
 * and their sum; for each teacher trained here, its cross-entropy while it trains. The first
 * distilled learner's total is a wide pale band under its terms: at high T and low α the soft
 * term is nearly all of it, and a dashed line over a solid one of the same colour would vanish.
 */
import type { LossPoint, RosterEntry } from '../../engine/protocol.ts';
import type { ObjectiveId } from '../../kd/objective.ts';
import { firstDistilled, shortLabel } from '../roster/rosterView.ts';
import { chartsEnglish, type Translate } from './chartStyle.ts';

export interface LossSeries {
  key: string;
  name: string;
  color: string;
  width?: number;
  opacity?: number;
  dash?: string;
  value: (p: LossPoint) => number | undefined;
}

export const TOTAL_BAND = { width: 6, opacity: 0.3 };
const TERM_DASHES = ['2 3', '8 4', '5 2 1 2', '1 2'];

/** Each term in words, as the loss formula writes it: its key in charts.loss.terms. */
const TERM_LABELS: Partial<Record<ObjectiveId, Record<string, string>>> = {
  hard: { hard: 'ce' },
  hinton: { hard: 'hard', soft: 'hintonSoft' },
  'soft-ce': { hard: 'hard', soft: 'softCeSoft' },
  'logit-mse': { hard: 'hard', soft: 'logitMseSoft' },
  dkd: { hard: 'hard', tckd: 'tckd', nckd: 'nckd' },
  hint: { hint: 'hint' },
};

export function termLabel(
  objective: ObjectiveId | undefined,
  term: string,
  t: Translate = chartsEnglish,
): string {
  const key = objective ? TERM_LABELS[objective]?.[term] : term === 'hard' ? 'ce' : undefined;
  return key ? t(`charts.loss.terms.${key}`) : term;
}

/** Log axis: a zero or negative value (α = 0 makes the hard term 0) is left out, not drawn at −∞. */
const positive = (v: number | undefined) => (v !== undefined && v > 0 ? v : undefined);

function total(p: LossPoint, id: string): number | undefined {
  const terms = p.terms[id];
  if (!terms) return undefined;
  let sum = 0;
  for (const v of Object.values(terms)) sum += v;
  return positive(sum);
}

export function lossSeries(
  members: readonly RosterEntry[],
  t: Translate = chartsEnglish,
): LossSeries[] {
  const band = firstDistilled(members);
  const learners = members.filter((m) => m.role === 'learner' && m.trains);
  const multiTerm = learners.filter((m) => m.lossTerms.length > 1);
  const bands: LossSeries[] = [];
  const lines: LossSeries[] = [];
  for (const m of learners) {
    const name = shortLabel(m);
    if (m.lossTerms.length <= 1) {
      const term = m.lossTerms[0] ?? 'loss';
      lines.push({
        key: `${m.id}/total`,
        name: `${name}: ${termLabel(m.objective, term, t)}`,
        color: m.color,
        value: (p) => total(p, m.id),
      });
      continue;
    }
    const isBand = m.id === band?.id;
    (isBand ? bands : lines).push({
      key: `${m.id}/total`,
      name: `${name}: ${t('charts.loss.total')}`,
      color: m.color,
      ...(isBand ? TOTAL_BAND : { width: 2 }),
      value: (p) => total(p, m.id),
    });
    m.lossTerms.forEach((term, i) =>
      lines.push({
        key: `${m.id}/${term}`,
        // With one multi-term learner, its colour and dashes say whose terms these are.
        name:
          multiTerm.length > 1
            ? `${name}: ${termLabel(m.objective, term, t)}`
            : termLabel(m.objective, term, t),
        color: m.color,
        dash: TERM_DASHES[i % TERM_DASHES.length],
        value: (p) => positive(p.terms[m.id]?.[term]),
      }),
    );
  }
  for (const teacher of members.filter(
    (m) => m.role === 'teacher' && m.origin === 'trained here',
  )) {
    lines.push({
      key: `${teacher.id}/hard`,
      name: `${shortLabel(teacher)}: ${t('charts.loss.terms.ce')}`,
      color: teacher.color,
      value: (p) => total(p, teacher.id),
    });
  }
  return [...bands, ...lines];
}
