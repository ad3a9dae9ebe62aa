/** The kd core: distillation losses and metrics, free of DOM, React and worker code. */
export { softmaxAt, logSoftmaxAt, softmaxRows } from './softmax.ts';
export { kdLoss, hardLabelLoss } from './kdLoss.ts';
export type { KdLossTerms } from './kdLoss.ts';
export { logitMatchingMse } from './logitMatching.ts';
export { logitMatchingLoss } from './logitMatchingLoss.ts';
export { argmaxRows, countErrors, confusionMatrix } from './metrics.ts';
export { predictWithBiasShift, errorsByClass } from './biasAdjust.ts';
