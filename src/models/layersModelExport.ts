/**
 * A trained MLP as a TensorFlow.js Layers model (model.json + one weights file), the format
 * `tf.loadLayersModel` reads: Dense layers with ReLU between them and linear logits at the end
 * (softmax is left to the user, as our models output logits). Float32 weights, so the loaded
 * model classifies exactly as ours does.
 */
import * as tf from '@tensorflow/tfjs';
import type { Mlp } from './mlp.ts';

export interface LayersModelFiles {
  /** The contents of model.json. */
  modelJson: {
    format: 'layers-model';
    generatedBy: string;
    convertedBy: null;
    modelTopology: tf.io.ModelArtifacts['modelTopology'];
    weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  };
  /** The weights file's bytes, named `weightsFile` in the manifest. */
  weights: ArrayBuffer;
  weightsFile: string;
}

/** A Keras-style Sequential model with the MLP's architecture and weights (caller disposes). */
export function mlpAsLayersModel(mlp: Mlp): tf.Sequential {
  const model = tf.sequential({ name: mlp.name.replace(/[^A-Za-z0-9_]/g, '_') || 'student' });
  const layers = mlp.sizes.length - 1;
  for (let l = 0; l < layers; l++) {
    model.add(
      tf.layers.dense({
        units: mlp.sizes[l + 1],
        activation: l + 1 < layers ? 'relu' : 'linear',
        inputShape: l === 0 ? [mlp.sizes[0]] : undefined,
        name: `dense${l}`,
      }),
    );
  }
  model.setWeights(mlp.kernels.flatMap((k, l) => [k, mlp.biases[l]]));
  return model;
}

/** model.json and its weights file for `mlp`; `baseName` names the weights file. */
export async function exportLayersModel(mlp: Mlp, baseName: string): Promise<LayersModelFiles> {
  const model = mlpAsLayersModel(mlp);
  const weightsFile = `${baseName}.weights.bin`;
  let saved: tf.io.ModelArtifacts | undefined;
  try {
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
  } finally {
    model.dispose();
  }
  if (!saved?.weightSpecs || !saved.weightData) throw new Error('The model could not be saved.');
  const data = saved.weightData;
  const weights = Array.isArray(data) ? tf.io.concatenateArrayBuffers(data) : data;
  return {
    modelJson: {
      format: 'layers-model',
      generatedBy: `KD Playground (TensorFlow.js ${tf.version_core})`,
      convertedBy: null,
      modelTopology: saved.modelTopology,
      weightsManifest: [{ paths: [weightsFile], weights: saved.weightSpecs }],
    },
    weights,
    weightsFile,
  };
}
