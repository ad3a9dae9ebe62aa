import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportLayersModel } from './layersModelExport.ts';
import { createMlp, disposeMlp, mlpForward } from './mlp.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('a learner exported as a TensorFlow.js Layers model', () => {
  it('loads with tf.loadLayersModel and gives the same logits and predictions as our MLP', async () => {
    const mlp = createMlp('distilled student', [784, 30, 30, 10], 7);
    // Biases away from zero, so a missing bias would show.
    mlp.biases.forEach((b, l) => b.assign(tf.fill(b.shape, 0.05 * (l + 1))));
    const files = await exportLayersModel(mlp, 'distilled');
    expect(files.weightsFile).toBe('distilled.weights.bin');
    expect(files.modelJson.weightsManifest[0].paths).toEqual(['distilled.weights.bin']);
    // 784·30 + 30 + 30·30 + 30 + 30·10 + 10 float32 numbers.
    expect(files.weights.byteLength).toBe(4 * (784 * 30 + 30 + 30 * 30 + 30 + 30 * 10 + 10));

    // What a user does with the two downloaded files: JSON text and bytes, loaded anew.
    const json = JSON.parse(JSON.stringify(files.modelJson)) as typeof files.modelJson;
    const loaded = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest[0].weights,
        weightData: files.weights.slice(0),
      }),
    );
    const x = tf.randomUniform([64, 784], 0, 1, 'float32', 3) as tf.Tensor2D;
    const ours = mlpForward(mlp, x);
    const theirs = loaded.predict(x) as tf.Tensor2D;
    const a = ours.dataSync();
    const b = theirs.dataSync();
    let maxDiff = 0;
    for (let i = 0; i < a.length; i++) maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
    expect(maxDiff).toBeLessThan(1e-5);
    expect(Array.from(theirs.argMax(1).dataSync())).toEqual(Array.from(ours.argMax(1).dataSync()));
    tf.dispose([x, ours, theirs]);
    loaded.dispose();
    disposeMlp(mlp);
  });
});
