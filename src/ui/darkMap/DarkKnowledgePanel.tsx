import { useState } from 'react';
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
    return (
      <p className="placeholder">
        The maps appear once the teacher has been evaluated on the test set: a pretrained teacher as
        soon as the digits have loaded, a teacher trained here after you press Train.
      </p>
    );
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
        Row <em>c</em>: the mean soft targets at T = {temperature.toFixed(2)} over the test images
        of a <em>c</em>. The cells off the diagonal are the “dark knowledge”: here the{' '}
        {teacher.label} thinks a 3 looks most like a {nearest} (
        {probability(teacherMap[row * NUM_CLASSES + nearest])}). Move the T slider: the rows soften
        at once. Colours are on a log scale.
      </p>
      {learners.length > 0 && (
        <label className="small">
          Compare with{' '}
          <select
            aria-label="Learner for the dark-knowledge map"
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
              ? `${teacher.label} (${teacher.origin})`
              : `${teacher.label}, epoch ${evaluations[teacher.id].epoch.toFixed(1)}`
          }
          values={teacherMap}
          color={sequential}
          format={probability}
          describe={(r, c) => `${teacher.label}: mean p(${c}) over test ${r}s`}
          testId="dark-teacher"
        />
        {learner && learnerMap ? (
          <Heatmap
            title={`${learner.label}, epoch ${evaluations[learner.id].epoch.toFixed(2)}`}
            values={learnerMap}
            color={sequential}
            format={probability}
            describe={(r, c) => `${learner.label}: mean p(${c}) over test ${r}s`}
            testId="dark-learner"
          />
        ) : (
          <p className="placeholder">
            Press Step or Play: the learners&apos; maps come with their first evaluation.
          </p>
        )}
        {learner && difference && (
          <Heatmap
            title={`${learner.label} − ${teacher.label}`}
            values={difference}
            color={(d) => divergingColor(d, diffScale)}
            format={signed}
            describe={(r, c) => `difference in mean p(${c}) over test ${r}s`}
            testId="dark-difference"
          />
        )}
      </div>
      <div className="heat-legend small" aria-hidden="true">
        <span>{probability(range[0])}</span>
        <span className="heat-ramp" />
        <span>{probability(range[1])} (log scale)</span>
        {difference && (
          <>
            <span className="heat-diverging" />
            <span>learner lower / higher (±{probability(diffScale)})</span>
          </>
        )}
      </div>
      <details>
        <summary>As tables</summary>
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
