import { Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMAGE_SIZE, NUM_CLASSES } from '../../data/mnistAssets.ts';
import { softmaxRows } from '../../kd/plain.ts';
import type { SampleDigits } from '../../engine/protocol.ts';
import { combinedMemberIds, type MemberLook } from '../roster/rosterView.ts';
import { Swatch } from '../roster/Swatch.tsx';
import { DigitImage } from './DigitImage.tsx';
import { SoftTargetCard, type LogitPair } from './SoftTargetCard.tsx';

const SHOWN = 4;
const DEFAULT_CLASSES = [2, 3, 7, 9];

interface Props {
  samples: SampleDigits | null;
  /** Logits (count × 10) of the sample digits by member id; a member is absent until it has some. */
  logits: Readonly<Record<string, Float32Array>>;
  /** The run's members, teachers first as the roster lists them. */
  members: readonly MemberLook[];
  temperature: number;
  logScale: boolean;
  onLogScale: (on: boolean) => void;
}

/**
 * By default: the teachers, and the learners that learn from a teacher; a combined teacher (an
 * ensemble) stands for its members, whose bars are one click away.
 */
function defaultShown(members: readonly MemberLook[]): Set<string> {
  const combined = combinedMemberIds(members);
  return new Set(
    members
      .filter((m) => (m.role === 'teacher' && !combined.has(m.id)) || m.teachers.length > 0)
      .map((m) => m.id),
  );
}

/**
 * Soft targets of a few test digits: the teachers' and the students' softmax at the current T.
 * Recomputed here, on the main thread, from cached logits: moving the T slider redraws at once,
 * even while training is paused.
 */
export function SoftTargetPanel({
  samples,
  logits,
  members,
  temperature,
  logScale,
  onLogScale,
}: Props) {
  const { t } = useTranslation();
  const [shownDigits, setShownDigits] = useState<number[]>(DEFAULT_CLASSES);
  /** Members switched on or off by hand, by id; the rest follow shownByDefault. */
  const [picked, setPicked] = useState<Readonly<Record<string, boolean>>>({});
  const count = samples?.indices.length ?? 0;
  // A digit pinned from the Mistakes panel comes last among the samples: show it at once
  // (state adjusted while rendering, React's pattern for following a prop).
  const pinned = count > NUM_CLASSES ? samples!.indices[count - 1] : null;
  const [seenPin, setSeenPin] = useState<number | null>(null);
  if (pinned !== seenPin) {
    setSeenPin(pinned);
    if (pinned !== null) {
      setShownDigits((s) => (s.includes(count - 1) ? s : [...s.slice(-(SHOWN - 1)), count - 1]));
    }
  }
  const byDefault = useMemo(() => defaultShown(members), [members]);
  const isShown = (m: MemberLook) => picked[m.id] ?? byDefault.has(m.id);
  const shownMembers = members.filter(isShown);

  // One softmax per shown member with logits, recomputed when T or the logits change.
  const probabilities = useMemo(() => {
    const out = new Map<string, Float64Array[]>();
    if (count === 0) return out;
    for (const m of members) {
      const l = logits[m.id];
      if ((picked[m.id] ?? byDefault.has(m.id)) && l?.length === count * NUM_CLASSES) {
        out.set(m.id, softmaxRows(l, count, NUM_CLASSES, temperature));
      }
    }
    return out;
  }, [members, byDefault, picked, logits, count, temperature]);

  const withBars = shownMembers.filter((m) => probabilities.has(m.id));
  const learner = withBars.find((m) => m.role === 'learner' && m.teachers.length > 0);
  const teacher = learner && members.find((m) => m.id === learner.teachers[0]);
  const pair: LogitPair | null =
    learner && teacher && logits[teacher.id]?.length === count * NUM_CLASSES
      ? { learner, teacher, learnerLogits: logits[learner.id], teacherLogits: logits[teacher.id] }
      : null;

  const toggleDigit = (k: number) =>
    setShownDigits((s) =>
      s.includes(k) ? (s.length > 1 ? s.filter((x) => x !== k) : s) : [...s.slice(-(SHOWN - 1)), k],
    );

  return (
    <section className="panel soft-targets" aria-labelledby="soft-title">
      <header className="panel-head">
        <h2 id="soft-title">
          {t('targets.title')}{' '}
          <span className="mono">T = {temperature.toFixed(temperature < 10 ? 2 : 1)}</span>
        </h2>
        <label className="toggle">
          <input
            type="checkbox"
            checked={logScale}
            onChange={(e) => onLogScale(e.target.checked)}
          />{' '}
          {t('targets.logScale')}
        </label>
      </header>
      <p className="hint">
        {t('targets.hintStart')}{' '}
        {shownMembers.map((m, i) => (
          <Fragment key={m.id}>
            {i === 0
              ? ''
              : i === shownMembers.length - 1
                ? t('targets.listAnd')
                : t('targets.listComma')}
            <Swatch color={m.color} /> {m.label}
          </Fragment>
        ))}
        {t('targets.hintEnd')}
      </p>
      {members.length > 1 && (
        <div className="member-picks" role="group" aria-label={t('targets.models')}>
          {members.map((m) => (
            <label key={m.id} className="member-pick">
              <input
                type="checkbox"
                checked={isShown(m)}
                // One model at least stays shown.
                disabled={isShown(m) && shownMembers.length === 1}
                onChange={(e) => setPicked((p) => ({ ...p, [m.id]: e.target.checked }))}
              />
              <Swatch color={m.color} /> {m.label}
            </label>
          ))}
        </div>
      )}
      {samples && (
        <div className="digit-strip" role="group" aria-label={t('targets.digits')}>
          {samples.indices.map((index, k) => (
            <button
              key={index}
              className={`digit-pick${shownDigits.includes(k) ? ' selected' : ''}`}
              aria-pressed={shownDigits.includes(k)}
              onClick={() => toggleDigit(k)}
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
      )}
      <div className="digit-cards">
        {!samples && <p className="placeholder">{t('targets.loading')}</p>}
        {samples &&
          shownDigits
            .filter((k) => k < count)
            .map((k) => (
              <SoftTargetCard
                key={k}
                samples={samples}
                k={k}
                logScale={logScale}
                pair={pair}
                series={withBars.map((m) => ({
                  model: m.id,
                  name: m.label,
                  color: m.color,
                  probabilities: probabilities.get(m.id)![k],
                }))}
              />
            ))}
      </div>
    </section>
  );
}
