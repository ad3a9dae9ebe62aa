import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NUM_CLASSES } from '../../data/mnistAssets.ts';
import { softmaxRows } from '../../kd/plain.ts';
import type { SampleDigits } from '../../engine/protocol.ts';
import { useLiveTemperature, type LiveHyper } from '../hyper/liveHyper.ts';
import { formatTemperature } from '../hyper/TemperatureRange.tsx';
import { combinedMemberIds, type MemberLook } from '../roster/rosterView.ts';
import { DigitStrip, MemberPicks, ShownHint } from './panelParts.tsx';
import { drawBars } from './barCanvas.ts';
import type { BarSeries } from './ProbabilityBars.tsx';
import { SoftTargetCard, type LogitPair } from './SoftTargetCard.tsx';

const SHOWN = 4;
const DEFAULT_CLASSES = [2, 3, 7, 9];

interface Props {
  samples: SampleDigits | null;
  /** Logits (count × 10) of the sample digits by member id; a member is absent until it has some. */
  logits: Readonly<Record<string, Float32Array>>;
  /** The run's members, teachers first as the roster lists them. */
  members: readonly MemberLook[];
  /** T now: the heading and the bars' heights follow every step of a drag. */
  live: LiveHyper;
  /** T for the bars' words (titles, accessible names, the top classes): a few times a second. */
  quietTemperature: number;
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

/** One softmax per shown member that has logits, at temperature T. */
function softmaxOfShown(
  members: readonly MemberLook[],
  isShown: (m: MemberLook) => boolean,
  logits: Readonly<Record<string, Float32Array>>,
  count: number,
  T: number,
): Map<string, Float64Array[]> {
  const out = new Map<string, Float64Array[]>();
  if (count === 0) return out;
  for (const m of members) {
    const l = logits[m.id];
    if (isShown(m) && l?.length === count * NUM_CLASSES)
      out.set(m.id, softmaxRows(l, count, NUM_CLASSES, T));
  }
  return out;
}

/**
 * Soft targets of a few test digits: the teachers' and the students' softmax at the current T.
 * Recomputed here, on the main thread, from cached logits: moving the T slider redraws at once,
 * even while training is paused.
 */
function SoftTargetPanelView({
  samples,
  logits,
  members,
  live,
  quietTemperature,
  logScale,
  onLogScale,
}: Props) {
  const { t } = useTranslation();
  const temperature = useLiveTemperature(live);
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

  const shownSoftmax = (T: number) =>
    softmaxOfShown(members, (m) => picked[m.id] ?? byDefault.has(m.id), logits, count, T);
  // The words follow T a few times a second; the heights follow every step (below).
  const probabilities = useMemo(
    () =>
      softmaxOfShown(
        members,
        (m) => picked[m.id] ?? byDefault.has(m.id),
        logits,
        count,
        quietTemperature,
      ),
    [members, byDefault, picked, logits, count, quietTemperature],
  );
  const wordsBehind = temperature !== quietTemperature;
  const heights = wordsBehind ? shownSoftmax(temperature) : probabilities;

  const withBars = shownMembers.filter((m) => probabilities.has(m.id));
  const withBarsKey = withBars.map((m) => m.id).join(' ');
  const learner = withBars.find((m) => m.role === 'learner' && m.teachers.length > 0);
  const teacher = learner && members.find((m) => m.id === learner.teachers[0]);
  const pair: LogitPair | null =
    learner && teacher && logits[teacher.id]?.length === count * NUM_CLASSES
      ? { learner, teacher, learnerLogits: logits[learner.id], teacherLogits: logits[teacher.id] }
      : null;
  // Each card's series, kept while nothing in them changes, so a card renders only for new words.
  const cardSeries = useMemo(() => {
    const barMembers = withBarsKey.split(' ').flatMap((id) => members.filter((m) => m.id === id));
    const byCard = new Map<number, BarSeries[]>();
    for (let k = 0; k < count; k++)
      byCard.set(
        k,
        barMembers.map((m) => ({
          model: m.id,
          name: m.label,
          color: m.color,
          probabilities: probabilities.get(m.id)![k],
        })),
      );
    return byCard;
    // The ids (a string) stand for the shown members: a new array of the same ones keeps the memo.
    // eslint-disable-next-line react-hooks/preserve-manual-memoization
  }, [withBarsKey, probabilities, count, members]);

  // Every render (a T step, new logits, the log scale): one canvas drawn per card.
  const cards = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    cards.current?.querySelectorAll<HTMLElement>('[data-k]').forEach((card) => {
      const k = Number(card.dataset.k);
      drawBars(
        card.querySelector<HTMLCanvasElement>('.bars-canvas'),
        withBars.map((m) => ({ color: m.color, probabilities: heights.get(m.id)?.[k] ?? [] })),
        logScale,
      );
    });
  });

  const toggleDigit = useCallback(
    (k: number) =>
      setShownDigits((s) =>
        s.includes(k)
          ? s.length > 1
            ? s.filter((x) => x !== k)
            : s
          : [...s.slice(-(SHOWN - 1)), k],
      ),
    [],
  );
  const onPick = useCallback(
    (id: string, on: boolean) => setPicked((p) => ({ ...p, [id]: on })),
    [],
  );
  const shownIds = shownMembers.map((m) => m.id).join(' ');

  return (
    <section className="panel soft-targets" aria-labelledby="soft-title">
      <header className="panel-head">
        <h2 id="soft-title">
          {t('targets.title')} <span className="mono">T = {formatTemperature(temperature)}</span>
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
      <ShownHint members={members} shownIds={shownIds} />
      {members.length > 1 && <MemberPicks members={members} shownIds={shownIds} onPick={onPick} />}
      {samples && <DigitStrip samples={samples} shownDigits={shownDigits} onToggle={toggleDigit} />}
      {/* Mid-drag the bars follow T at every step and the words under them (top classes, the
          bars' titles) once the hand rests: until then they are dimmed and marked busy, so no
          number on screen claims a T it was not computed at. */}
      <div
        className={wordsBehind ? 'digit-cards words-behind' : 'digit-cards'}
        aria-busy={wordsBehind || undefined}
        ref={cards}
      >
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
                series={cardSeries.get(k)!}
              />
            ))}
      </div>
    </section>
  );
}

export const SoftTargetPanel = memo(SoftTargetPanelView);
