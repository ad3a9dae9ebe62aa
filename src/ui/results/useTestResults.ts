import { useMemo } from 'react';
import { NUM_CLASSES } from '../../data/mnistAssets.ts';
import type { RosterEntry } from '../../engine/protocol.ts';
import { confusionMatrix, errorsByClass, predictWithBiasShift } from '../../kd/plain.ts';
import type { MemberEvaluation } from '../useEngine.ts';

export interface ModelResult {
  epoch: number;
  errors: number;
  perClassErrors: number[];
  countPerClass: number[];
  /** Errors on the digits left out of the transfer set. */
  omittedErrors: number;
  omittedCount: number;
  confusion: number[][];
}

export interface TestResults {
  testSize: number;
  omitted: number[];
  /** By member id; a bias-adjustable member's with the bias shift applied. */
  models: Readonly<Record<string, ModelResult>>;
  /** Bias-adjusted members before the shift, by id, when a shift is active. */
  unshifted: Readonly<Record<string, ModelResult>>;
}

/**
 * Test errors, per-class errors and confusion matrices from the latest evaluation logits,
 * recomputed on the page, so the bias control acts at once, without the worker.
 */
export function useTestResults(
  labels: Uint8Array | null,
  evaluations: Readonly<Record<string, MemberEvaluation>>,
  members: readonly RosterEntry[],
  transferDigits: readonly number[],
  biasClasses: string,
  biasShift: number,
): TestResults | null {
  return useMemo(() => {
    if (!labels) return null;
    const omitted = [...Array(NUM_CLASSES).keys()].filter((d) => !transferDigits.includes(d));
    const shift = new Array<number>(NUM_CLASSES).fill(0);
    for (const d of biasClasses) shift[Number(d)] = biasShift;
    const zero = new Array<number>(NUM_CLASSES).fill(0);
    const resultFor = (epoch: number, logits: Float32Array, classShift: number[]): ModelResult => {
      const predicted = predictWithBiasShift(logits, labels.length, NUM_CLASSES, classShift);
      const { total, perClass, countPerClass } = errorsByClass(predicted, labels, NUM_CLASSES);
      return {
        epoch,
        errors: total,
        perClassErrors: perClass,
        countPerClass,
        omittedErrors: omitted.reduce((n, d) => n + perClass[d], 0),
        omittedCount: omitted.reduce((n, d) => n + countPerClass[d], 0),
        confusion: confusionMatrix(predicted, labels, NUM_CLASSES),
      };
    };
    const shiftActive = biasShift !== 0 && biasClasses !== '';
    const models: Record<string, ModelResult> = {};
    const unshifted: Record<string, ModelResult> = {};
    for (const m of members) {
      const evaluation = evaluations[m.id];
      if (!evaluation || evaluation.logits.length !== labels.length * NUM_CLASSES) continue;
      const shifted = shiftActive && m.biasAdjustable;
      models[m.id] = resultFor(evaluation.epoch, evaluation.logits, shifted ? shift : zero);
      if (shifted) unshifted[m.id] = resultFor(evaluation.epoch, evaluation.logits, zero);
    }
    return { testSize: labels.length, omitted, models, unshifted };
  }, [labels, evaluations, members, transferDigits, biasClasses, biasShift]);
}
