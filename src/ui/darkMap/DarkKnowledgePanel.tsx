import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { NUM_CLASSES } from '../../data/mnistAssets.ts';
import type { RosterEntry } from '../../engine/protocol.ts';
import { classMeanSoftmax, mapDifference } from '../../kd/classMeanSoftmax.ts';
import type { MemberEvaluation } from '../useEngine.ts';
import { divergingColor, logFraction, logRange, sequentialColor } from './heatColor.ts';
import { Heatmap } from './Heatmap.tsx';
import { MapTable } from './MapTable.tsx';

interface Props {
  members: readonly RosterEntry[];
  evaluations: Readonly<Record<string, MemberEvaluation>>;
  testLabels: Uint8Array | null;
  temperature: number;
}

const probability = (p: number) => (p >= 0.01 ? p.toFixed(3) : p.toExponential(1));
const signed = (d: number) => (d >= 0 ? '+' : '−') + probability(Math.abs(d));

/**
 * Which digits the teacher thinks a digit resembles: its mean soft targets at T per true class,
 * the chosen learner's beside them, and their difference. Follows the T slider at once (10,000
 * softmaxes per model on the page, from the latest evaluation's logits).
 */
export function DarkKnowledgePanel({ members, evaluations, testLabels, temperature }: Props) {
  const { t } = useTranslation();
  const evaluated = members.filter((m) => evaluations[m.id]);
  const teachers = evaluated.filter((m) => m.role === 'teacher');
  const learners = evaluated.filter((m) => m.role === 'learner');
  const [learnerId, setLearnerId] = useState<string | null>(null);
  const learner =
    learners.find((m) => m.id === learnerId) ??
    learners.find((m) => m.teachers.length > 0) ??
    learners[0];
  const teacher =
    teachers.find((m) => m.id === learner?.teachers[0]) ??
    teachers.find((m) => m.origin !== 'combined') ??
    teachers[0];
  if (!testLabels || !teacher) {
    return <p className="placeholder">{t('explore.dark.waiting')}</p>;
  }
  const teacherMap = classMeanSoftmax(
    evaluations[teacher.id].logits,
    testLabels,
    NUM_CLASSES,
    temperature,
  );
  const learnerMap = learner
    ? classMeanSoftmax(evaluations[learner.id].logits, testLabels, NUM_CLASSES, temperature)
    : null;
  const difference = learnerMap && mapDifference(learnerMap, teacherMap);
  const diffScale = difference ? Math.max(1e-6, ...difference.map(Math.abs)) : 1;
  // Teacher and learner share one scale, so that their colours compare.
  const range = learnerMap ? logRange(teacherMap, learnerMap) : logRange(teacherMap);
  const sequential = (p: number) => sequentialColor(logFraction(p, range));
  // Row 3's largest off-diagonal cell: the digit the teacher thinks a 3 most resembles.
  const row = 3;
  let nearest = 0;
  for (let c = 0; c < NUM_CLASSES; c++) {
    if (c !== row && teacherMap[row * NUM_CLASSES + c] > teacherMap[row * NUM_CLASSES + nearest])
      nearest = c;
  }

  return (
    <div className="dark-panel">
      <p className="hint">
        <Trans
          i18nKey="explore.dark.hint"
          values={{
            T: temperature.toFixed(2),
            teacher: teacher.label,
            nearest,
            p: probability(teacherMap[row * NUM_CLASSES + nearest]),
          }}
          components={{ em: <em /> }}
        />
      </p>
      {learners.length > 0 && (
        <label className="small">
          {t('explore.dark.compare')}{' '}
          <select
            aria-label={t('explore.dark.compareLabel')}
            value={learner?.id}
            onChange={(e) => setLearnerId(e.target.value)}
          >
            {learners.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="heatmaps">
        <Heatmap
          title={
            teacher.origin === 'pretrained' || teacher.origin === 'combined'
              ? t('explore.dark.withOrigin', {
                  label: teacher.label,
                  origin: t(`explore.dark.origin.${teacher.origin}`),
                })
              : t('explore.dark.atEpoch', {
                  label: teacher.label,
                  epoch: evaluations[teacher.id].epoch.toFixed(1),
                })
          }
          values={teacherMap}
          color={sequential}
          format={probability}
          describe={(r, c) => t('explore.dark.cell', { label: teacher.label, r, c })}
          testId="dark-teacher"
        />
        {learner && learnerMap ? (
          <Heatmap
            title={t('explore.dark.atEpoch', {
              label: learner.label,
              epoch: evaluations[learner.id].epoch.toFixed(2),
            })}
            values={learnerMap}
            color={sequential}
            format={probability}
            describe={(r, c) => t('explore.dark.cell', { label: learner.label, r, c })}
            testId="dark-learner"
          />
        ) : (
          <p className="placeholder">{t('explore.dark.learnerWaiting')}</p>
        )}
        {learner && difference && (
          <Heatmap
            title={`${learner.label} − ${teacher.label}`}
            values={difference}
            color={(d) => divergingColor(d, diffScale)}
            format={signed}
            describe={(r, c) => t('explore.dark.differenceCell', { r, c })}
            testId="dark-difference"
          />
        )}
      </div>
      <div className="heat-legend small" aria-hidden="true">
        <span>{probability(range[0])}</span>
        <span className="heat-ramp" />
        <span>{t('explore.dark.logScale', { max: probability(range[1]) })}</span>
        {difference && (
          <>
            <span className="heat-diverging" />
            <span>{t('explore.dark.diverging', { scale: probability(diffScale) })}</span>
          </>
        )}
      </div>
      <details>
        <summary>{t('explore.dark.tables')}</summary>
        <MapTable values={teacherMap} format={probability} caption={teacher.label} />
        {learner && learnerMap && (
          <MapTable values={learnerMap} format={probability} caption={learner.label} />
        )}
        {learner && difference && (
          <MapTable
            values={difference}
            format={signed}
            caption={`${learner.label} − ${teacher.label}`}
          />
        )}
      </details>
    </div>
  );
}
