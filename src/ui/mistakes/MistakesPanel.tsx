import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';
import { IMAGE_SIZE, NUM_CLASSES } from '../../data/mnistAssets.ts';
import type { RosterEntry } from '../../engine/protocol.ts';
import { predictWithBiasShift, softmaxRows } from '../../kd/plain.ts';
import { ConfusionMatrix } from '../results/ConfusionMatrix.tsx';
import type { TestResults } from '../results/useTestResults.ts';
import { DigitImage } from '../softTargets/DigitImage.tsx';
import { ProbabilityBars } from '../softTargets/ProbabilityBars.tsx';
import type { MemberEvaluation } from '../useEngine.ts';
import { cellDigits } from './cellDigits.ts';

/** Digits listed for one cell; a cell of a poor model can hold hundreds. */
const LISTED = 24;

export interface MistakeCell {
  member: string;
  trueClass: number;
  predictedClass: number;
}

interface Props {
  members: readonly RosterEntry[];
  results: TestResults | null;
  evaluations: Readonly<Record<string, MemberEvaluation>>;
  testLabels: Uint8Array | null;
  temperature: number;
  logScale: boolean;
  biasClasses: string;
  biasShift: number;
  cell: MistakeCell | null;
  onCell: (cell: MistakeCell | null) => void;
  testDigits: (indices: number[]) => Promise<Uint8Array>;
  /** Sends a test digit to the soft-target panel. */
  onPin: (index: number) => void;
}

/** The teacher a member is compared with: its own first teacher, or the run's first. */
function referenceTeacher(members: readonly RosterEntry[], member: RosterEntry) {
  const id = member.teachers[0] ?? members.find((m) => m.role === 'teacher')?.id;
  return members.find((m) => m.id === id && m.id !== member.id);
}

/** Click a confusion-matrix cell: the test digits behind it, with the model's and the teacher's soft targets. */
export function MistakesPanel(props: Props) {
  const { members, results, evaluations, testLabels, temperature, cell, onCell } = props;
  const { t } = useTranslation();
  const evaluated = members.filter((m) => results?.models[m.id] && evaluations[m.id]);
  const member =
    evaluated.find((m) => m.id === cell?.member) ??
    evaluated.find((m) => m.biasAdjustable) ??
    evaluated.find((m) => m.role === 'learner') ??
    evaluated[0];
  const teacher = member && referenceTeacher(members, member);

  const { biasClasses, biasShift } = props;
  const memberLogits = member ? evaluations[member.id].logits : null;
  const shifted = member?.biasAdjustable ?? false;
  const trueClass = cell?.trueClass ?? -1;
  const predictedClass = cell?.predictedClass ?? -1;
  // 10,000 argmaxes: cheap enough for every render (the React compiler memoizes it anyway).
  const indices = ((): number[] => {
    if (!memberLogits || trueClass < 0 || !testLabels) return [];
    const shift = new Array<number>(NUM_CLASSES).fill(0);
    if (shifted) for (const d of biasClasses) shift[Number(d)] = biasShift;
    const predicted = predictWithBiasShift(memberLogits, testLabels.length, NUM_CLASSES, shift);
    return cellDigits(predicted, testLabels, trueClass, predictedClass);
  })();
  const listed = indices.slice(0, LISTED);

  const [pixels, setPixels] = useState<{ key: string; pixels: Uint8Array } | null>(null);
  const key = listed.join();
  const { testDigits } = props;
  useEffect(() => {
    if (listed.length === 0) return;
    let current = true;
    void testDigits(listed).then((p) => current && setPixels({ key, pixels: p }));
    return () => {
      current = false;
    };
    // `listed` is keyed by `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, testDigits]);

  if (!member || !results) {
    return <p className="placeholder">{t('inside.mistakes.waiting')}</p>;
  }
  const pick = (trueClass: number, predictedClass: number) =>
    onCell({ member: member.id, trueClass, predictedClass });
  const probabilitiesOf = (id: string, index: number) =>
    softmaxRows(
      evaluations[id].logits.subarray(index * NUM_CLASSES, (index + 1) * NUM_CLASSES),
      1,
      NUM_CLASSES,
      temperature,
    )[0];

  return (
    <div className="mistakes">
      <p className="hint">{t('inside.mistakes.hint')}</p>
      <div className="mistakes-grid">
        <div>
          <div className="matrix-head">
            <span>{t('inside.mistakes.matrixOf')}</span>
            <select
              aria-label={t('inside.mistakes.model')}
              value={member.id}
              onChange={(e) => onCell(cell && { ...cell, member: e.target.value })}
            >
              {evaluated.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          </div>
          <ConfusionMatrix
            matrix={results.models[member.id].confusion}
            name={member.label}
            onCell={pick}
            selected={
              cell && cell.member === member.id ? [cell.trueClass, cell.predictedClass] : null
            }
          />
        </div>
        <div className="mistake-list" aria-live="polite">
          {!cell ? (
            <p className="placeholder">{t('inside.mistakes.noCell')}</p>
          ) : (
            <>
              <h3>
                {t('inside.mistakes.heading', {
                  trueClass: cell.trueClass,
                  model: member.label,
                  predicted: cell.predictedClass,
                  count: indices.length,
                  total: indices.length.toLocaleString('en-US'),
                })}
                {indices.length > LISTED ? t('inside.mistakes.firstShown', { n: LISTED }) : ''}
              </h3>
              <ul className="mistake-cards">
                {listed.map((index, k) => (
                  <li key={index} className="mistake-card" data-testid="mistake-card">
                    <div className="digit-card-head">
                      {pixels?.key === key ? (
                        <DigitImage
                          pixels={pixels.pixels.subarray(k * IMAGE_SIZE, (k + 1) * IMAGE_SIZE)}
                          label={t('inside.mistakes.image', { index, label: cell.trueClass })}
                          size={48}
                        />
                      ) : (
                        <span className="digit-placeholder" />
                      )}
                      <div className="small">
                        <strong>#{index}</strong>
                        {t('inside.mistakes.truePredicted', {
                          trueClass: cell.trueClass,
                          predicted: cell.predictedClass,
                        })}
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => props.onPin(index)}
                        >
                          {t('inside.mistakes.pin')}
                        </button>
                      </div>
                    </div>
                    <ProbabilityBars
                      logScale={props.logScale}
                      trueLabel={cell.trueClass}
                      series={[
                        member,
                        ...(teacher && evaluations[teacher.id] ? [teacher] : []),
                      ].map((m) => ({
                        model: m.id,
                        name: m.label,
                        color: m.color,
                        probabilities: probabilitiesOf(m.id, index),
                      }))}
                    />
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
