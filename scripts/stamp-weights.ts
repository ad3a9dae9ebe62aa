/**
 * npm run stamp:weights [-- --dir public/models]: writes each weights file's SHA-256 into its
 * .json (`sha256`), which the page checks on load (src/engine/teacherWeights.ts). train:teacher
 * and quantize:teacher stamp what they write; this stamps files copied in by hand.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from '../src/models/weightsDigest.ts';
import type { MlpWeightsJson } from '../src/models/weightsFile.ts';
import { textOption } from './lib/cliOptions.ts';

const dir = textOption('dir') ?? 'public/models';
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as MlpWeightsJson;
  const bin = json.weightsManifest?.[0]?.paths?.[0];
  if (json.format !== 'kd-playground-mlp/1' || !bin) continue;
  json.sha256 = await sha256Hex(new Uint8Array(readFileSync(join(dir, bin))));
  writeFileSync(join(dir, file), JSON.stringify(json));
  console.error(`stamp-weights: ${file} ← sha256 ${json.sha256.slice(0, 12)}… of ${bin}`);
}
