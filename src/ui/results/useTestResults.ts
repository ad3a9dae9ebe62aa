import { useMemo } from 'react';
import { NUM_CLASSES } from '../../data/mnistAssets.ts';
import { confusionMatrix, errorsByClass, predictWithBiasShift } from '../../kd/plain.ts';
import type { EngineView } from '../useEngine.ts';

export type Role = 'teacher' | 'distilled' | 'control';

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
  models: Partial<Record<Role, ModelResult>>;
  /** The distilled student before the bias shift, when a shift is active. */
  distilledUnshifted?: ModelResult;
}

/**
 * Test errors, per-class errors and confusion matrices from the latest evaluation logits,
 * recomputed on the page, so the bias control acts at once, without the worker.
 */
export function useTestResults(
  labels: Uint8Array | null,
  evaluations: EngineView['evaluations'],
  transferDigits: string,
  biasClasses: string,
  biasShift: number,
): TestResults | null {
  return useMemo(() => {
    if (!labels) return null;
    const omitted = [...Array(NUM_CLASSES).keys()].filter(
      (d) => !transferDigits.includes(String(d)),
    );
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
    const models: TestResults['models'] = {};
    let distilledUnshifted: ModelResult | undefined;
    for (const role of ['teacher', 'distilled', 'control'] as const) {
      const evaluation = evaluations[role];
      if (!evaluation) continue;
      const shifted = role === 'distilled' && biasShift !== 0 && biasClasses !== '';
      models[role] = resultFor(evaluation.epoch, evaluation.logits, shifted ? shift : zero);
      if (shifted) distilledUnshifted = resultFor(evaluation.epoch, evaluation.logits, zero);
    }
    return { testSize: labels.length, omitted, models, distilledUnshifted };
  }, [labels, evaluations, transferDigits, biasClasses, biasShift]);
}
