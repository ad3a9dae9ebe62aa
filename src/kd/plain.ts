/**
 * The tensor-free part of the kd core, for the main thread: importing it does not pull
 * TensorFlow.js into the page bundle (the worker owns tfjs).
 */
export { softmaxAt, logSoftmaxAt, softmaxRows } from './softmax.ts';
export { logitMatchingMse } from './logitMatching.ts';
export { argmaxRows, countErrors, confusionMatrix } from './metrics.ts';
export { predictWithBiasShift, errorsByClass } from './biasAdjust.ts';
export { fidelity, type Fidelity } from './fidelity.ts';
