import { Fragment, memo } from 'react';
import { useTranslation } from 'react-i18next';
import { IMAGE_SIZE } from '../../data/mnistAssets.ts';
import type { SampleDigits } from '../../engine/protocol.ts';
import type { MemberLook } from '../roster/rosterView.ts';
import { Swatch } from '../roster/Swatch.tsx';
import { DigitImage } from './DigitImage.tsx';

/*
 * The soft-target panel's parts that do not depend on T: memoised, so a step of a T drag renders
 * none of them (the panel itself renders at every step, for its heading and the bars' heights).
 */

/** Members by id, in the roster's order. */
const pick = (members: readonly MemberLook[], ids: string) => {
  const wanted = new Set(ids.split(' '));
  return members.filter((m) => wanted.has(m.id));
};

/** "The teacher's and the students' soft targets": the shown members, named with their colour. */
export const ShownHint = memo(function ShownHint({
  members,
  shownIds,
}: {
  members: readonly MemberLook[];
  /** Ids of the shown members, space-separated. */
  shownIds: string;
}) {
  const { t } = useTranslation();
  const shown = pick(members, shownIds);
  return (
    <p className="hint">
      {t('targets.hintStart')}{' '}
      {shown.map((m, i) => (
        <Fragment key={m.id}>
          {i === 0 ? '' : i === shown.length - 1 ? t('targets.listAnd') : t('targets.listComma')}
          <Swatch color={m.color} /> {m.label}
        </Fragment>
      ))}
      {t('targets.hintEnd')}
    </p>
  );
});

/** A checkbox per member: whose bars are drawn. One stays on. */
export const MemberPicks = memo(function MemberPicks({
  members,
  shownIds,
  onPick,
}: {
  members: readonly MemberLook[];
  shownIds: string;
  onPick: (id: string, on: boolean) => void;
}) {
  const { t } = useTranslation();
  const shown = new Set(shownIds.split(' '));
  return (
    <div className="member-picks" role="group" aria-label={t('targets.models')}>
      {members.map((m) => (
        <label key={m.id} className="member-pick">
          <input
            type="checkbox"
            checked={shown.has(m.id)}
            // One model at least stays shown.
            disabled={shown.has(m.id) && shown.size === 1}
            onChange={(e) => onPick(m.id, e.target.checked)}
          />
          <Swatch color={m.color} /> {m.label}
        </label>
      ))}
    </div>
  );
});

/** The sample digits as toggle buttons: which cards are shown. */
export const DigitStrip = memo(function DigitStrip({
  samples,
  shownDigits,
  onToggle,
}: {
  samples: SampleDigits;
  shownDigits: readonly number[];
  onToggle: (k: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="digit-strip" role="group" aria-label={t('targets.digits')}>
      {samples.indices.map((index, k) => (
        <button
          key={index}
          className={`digit-pick${shownDigits.includes(k) ? ' selected' : ''}`}
          aria-pressed={shownDigits.includes(k)}
          onClick={() => onToggle(k)}
          title={t('targets.imageTitle', { index, label: samples.labels[k] })}
        >
          <DigitImage
            pixels={samples.pixels.subarray(k * IMAGE_SIZE, (k + 1) * IMAGE_SIZE)}
            label={t('targets.digitLabel', { label: samples.labels[k] })}
            size={28}
          />
        </button>
      ))}
    </div>
  );
});
