/**
 * The preset's numbers from the paper, as text per roster member. Presets quote them for the
 * default roster's members, whose ids are the keys of PaperNumbers (teacher, distilled, control).
 */
import type { RosterEntry } from '../../engine/protocol.ts';
import type { PaperNumbers } from '../../state/presets.ts';

const PAPER_IDS = ['teacher', 'distilled', 'control'] as const;
type PaperId = (typeof PAPER_IDS)[number];

function paperFor(id: PaperId, paper: PaperNumbers): string {
  if (id === 'teacher') return paper.teacher !== undefined ? `${paper.teacher} errors` : '';
  if (id === 'control') return paper.control !== undefined ? `${paper.control} errors` : '';
  if (paper.errorRate !== undefined) {
    const after =
      paper.errorRateAfterBias !== undefined
        ? `, ${(100 * paper.errorRateAfterBias).toFixed(1)}% after the bias shift`
        : '';
    return `${(100 * paper.errorRate).toFixed(1)}% test error${after}`;
  }
  if (paper.distilled === undefined) return '';
  const base = `${paper.distilled} errors${paper.omitted !== undefined ? ` (${paper.omitted} on the omitted digits)` : ''}`;
  return paper.distilledAfterBias !== undefined
    ? `${base} → ${paper.distilledAfterBias} (${paper.omittedAfterBias}) with the bias shift`
    : base;
}

/** "teacher 67 errors; distilled student 74 errors; …", or '' when the preset quotes none. */
export function paperLine(
  paper: PaperNumbers | undefined,
  members: readonly RosterEntry[],
): string {
  if (!paper) return '';
  return PAPER_IDS.flatMap((id) => {
    const member = members.find((m) => m.id === id);
    const text = member ? paperFor(id, paper) : '';
    return text ? [`${member!.label} ${text}`] : [];
  }).join('; ');
}
