import type { TFunction } from 'i18next';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Roster, RosterEntry } from '../../engine/protocol.ts';
import { formatParameters, labelOf } from './rosterView.ts';
import { Swatch } from './Swatch.tsx';

/** " (no 3)" or " (only 7, 8)": which digits the transfer set leaves out. */
function transferNote(t: TFunction, digits: readonly number[]): string {
  if (digits.length >= 10) return '';
  const missing = [...Array(10).keys()].filter((d) => !digits.includes(d));
  return digits.length >= 5
    ? t('controls.roster.without', { digits: missing.join(', ') })
    : t('controls.roster.only', { digits: digits.join(', ') });
}

/** "a and b", "a, b and c" (in the page's language). */
function listOf(t: TFunction, names: string[]): string {
  if (names.length <= 1) return names.join('');
  if (names.length === 2) return t('controls.roster.two', { first: names[0], second: names[1] });
  return t('controls.roster.many', {
    first: names.slice(0, -1).join(t('controls.roster.comma')),
    last: names[names.length - 1],
  });
}

/**
 * Where a member comes from, in words: rosterView.ts's describeOrigin in the page's language
 * (its English is the same, word for word): "pretrained", "Hinton KD from teacher", ….
 */
function originWords(t: TFunction, member: RosterEntry, members: readonly RosterEntry[]): string {
  const fixed = [
    member.temperature !== undefined ? `T = ${member.temperature}` : '',
    member.alpha !== undefined ? `α = ${member.alpha}` : '',
  ].filter(Boolean);
  const parts: string[] = [];
  switch (member.origin) {
    case 'pretrained':
      parts.push(t('controls.roster.pretrained'));
      break;
    case 'trained here':
      parts.push(t('controls.roster.trainedHere'));
      break;
    case 'earlier learner':
      parts.push(
        member.fromLearner
          ? t('controls.roster.fromLearner', { name: labelOf(members, member.fromLearner) })
          : t('controls.roster.earlierLearner'),
      );
      break;
    case 'combined': {
      const names = (member.combines ?? []).map((id) => labelOf(members, id));
      if (member.rule === 'specialists') {
        parts.push(t('controls.roster.product', { names: listOf(t, names) }));
        break;
      }
      const ensemble = t('controls.roster.ensemble', {
        names: names.join(t('controls.roster.comma')),
      });
      parts.push(
        member.rule ? `${ensemble} · ${t(`controls.roster.rules.${member.rule}`)}` : ensemble,
      );
      break;
    }
    case 'distilled': {
      const objective = member.objective
        ? t(`controls.objectives.${member.objective}.label`)
        : t('controls.roster.distilled');
      const from = listOf(
        t,
        member.teachers.map((id) => labelOf(members, id)),
      );
      parts.push(
        from ? t('controls.roster.distilledFrom', { objective, teachers: from }) : objective,
      );
      break;
    }
    case 'hard labels':
      parts.push(t('controls.roster.hardLabels'));
      break;
  }
  if (fixed.length > 0) parts.push(t('controls.roster.fixed', { values: fixed.join(', ') }));
  if (member.role === 'learner' && member.stage > 0)
    parts.push(t('controls.roster.stage', { stage: member.stage + 1 }));
  if (member.role === 'learner' && !member.trains) parts.push(t('controls.roster.cannotTrain'));
  return parts.join(' · ');
}

/** "1.28 M parameters", in the page's language (the number as rosterView.ts writes it). */
const parameters = (t: TFunction, n: number) =>
  t('controls.roster.parameters', { size: formatParameters(n).replace(/ parameters$/, '') });

/** Every member of the run: colour, name, layer widths, size, and where it comes from. */
function RosterPanelView({ roster }: { roster: Roster | null }) {
  const { t } = useTranslation();
  return (
    <section className="roster" aria-labelledby="roster-title">
      <h3 id="roster-title">{t('controls.roster.title')}</h3>
      {roster ? (
        <ul data-testid="roster">
          {roster.members.map((m) => (
            <li key={m.id} data-member={m.id}>
              <span className="roster-name">
                <Swatch color={m.color} /> {m.label}
              </span>
              <span className="small">
                {m.architecture} · {parameters(t, m.parameters)}
              </span>
              <span className="small">{originWords(t, m, roster.members)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="placeholder">{t('controls.roster.waiting')}</p>
      )}
      {roster && (
        <p className="small">
          {t('controls.roster.transfer', {
            size: roster.transferSize.toLocaleString('en-US'),
            note: transferNote(t, roster.transferDigits),
            labels: roster.transferLabels ? '' : t('controls.roster.noLabels'),
          })}
        </p>
      )}
    </section>
  );
}

/** The roster changes once per run. */
export const RosterPanel = memo(RosterPanelView);
