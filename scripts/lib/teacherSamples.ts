/**
 * public/models/teacher.samples.json: the sample test digits of the soft-target panel and the
 * stored teacher's logits on them, so the page can show real soft targets within its first
 * second, before the worker, the test set and the teacher's weights have arrived.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { earlyTeacherLogits } from '../../src/engine/teacherWeights.ts';
import { pickSampleDigits } from '../../src/engine/sampleDigits.ts';
import type { MlpWeightsJson } from '../../src/models/weightsFile.ts';
import type { TeacherPreview } from '../../src/client/teacherPreview.ts';
import { loadMnistNode } from './nodeMnist.ts';

export function writeTeacherSamples(dir = 'public/models'): TeacherPreview {
  const json = JSON.parse(readFileSync(`${dir}/teacher.json`, 'utf8')) as MlpWeightsJson;
  const bin = new Uint8Array(readFileSync(`${dir}/teacher.bin`)).buffer;
  const samples = pickSampleDigits(loadMnistNode('test'));
  const logits = earlyTeacherLogits({ json, bin }, samples);
  const preview: TeacherPreview = {
    indices: samples.indices,
    labels: samples.labels,
    pixelsBase64: Buffer.from(samples.pixels).toString('base64'),
    teacherLogits: Array.from(logits, (v) => Math.round(v * 1e4) / 1e4),
  };
  writeFileSync(`${dir}/teacher.samples.json`, `${JSON.stringify(preview)}\n`);
  return preview;
}
