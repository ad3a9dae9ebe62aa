import * as tf from '@tensorflow/tfjs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kdLoss } from '../kd/kdLoss.ts';
import { logitMatchingLoss } from '../kd/logitMatchingLoss.ts';
import { DEFAULT_SETTINGS } from '../state/settingsSchema.ts';
import { settingsToTorchScript } from './torchScript.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// Three examples, four classes, written out: T = 3, α = 0.25.
const STUDENT = [
  [1.0, -0.5, 2.0, 0.3],
  [0.2, 0.1, -1.0, 3.0],
  [-2.0, 0.5, 0.5, 1.5],
];
const TEACHER = [
  [4.0, -1.0, 6.0, 0.0],
  [0.0, 1.0, -3.0, 7.0],
  [-5.0, 2.0, 1.0, 2.5],
];
const LABELS = [2, 3, 3];
const T = 3;
const ALPHA = 0.25;

/** Ours: the engine's tfjs code for each objective. */
function ourLoss(objective: 'hinton' | 'soft-ce' | 'logit-mse'): number {
  return tf.tidy(() => {
    const zs = tf.tensor2d(STUDENT);
    const zt = tf.tensor2d(TEACHER);
    const y = tf.tensor1d(LABELS, 'int32');
    if (objective === 'hinton') return kdLoss(zs, zt, y, T, ALPHA).total.dataSync()[0];
    const hard = kdLoss(zs, zt, y, T, 1).total.dataSync()[0] * ALPHA;
    if (objective === 'logit-mse')
      return hard + (1 - ALPHA) * logitMatchingLoss(zs, zt).dataSync()[0];
    // Soft-target CE = KL + the teacher's entropy at T (Hinton et al. 2015), written by hand.
    let ce = 0;
    TEACHER.forEach((row, n) => {
      const p = softmax(row.map((v) => v / T));
      const logQ = logSoftmax(STUDENT[n].map((v) => v / T));
      ce -= p.reduce((s, pi, i) => s + pi * logQ[i], 0);
    });
    return hard + (1 - ALPHA) * T * T * (ce / TEACHER.length);
  });
}
const logSoftmax = (z: number[]) => {
  const m = Math.max(...z);
  const lse = m + Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0));
  return z.map((v) => v - lse);
};
const softmax = (z: number[]) => logSoftmax(z).map(Math.exp);

const python = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
const hasPython = python.status === 0;

describe('the PyTorch script', () => {
  for (const objective of ['hinton', 'soft-ce', 'logit-mse'] as const) {
    const script = settingsToTorchScript(
      { ...DEFAULT_SETTINGS, lossMode: objective, temperature: T, alpha: ALPHA },
      'https://example.org/kd/?T=3',
    );

    it(`writes the ${objective} loss in torch with the page's T, α and schedule`, () => {
      expect(script).toContain('T = 3\n');
      expect(script).toContain('ALPHA = 0.25\n');
      expect(script).toContain(
        'EPOCHS = 5\nTEACHER_EPOCHS = 2\nBATCH = 128\nLR = 0.001\nSEED = 1\n',
      );
      expect(script).toContain('HIDDEN = [800,800]');
      if (objective === 'hinton')
        expect(script).toContain(
          "(1 - alpha) * T * T * F.kl_div(F.log_softmax(zs / T, dim=1), F.softmax(zt / T, dim=1), reduction='batchmean')",
        );
    });

    it.skipIf(!hasPython)(
      `computes the ${objective} loss as ours does (numpy, --check-loss)`,
      () => {
        const dir = mkdtempSync(join(tmpdir(), 'kd-script-'));
        const file = join(dir, 'distill.py');
        writeFileSync(file, script);
        expect(spawnSync('python3', ['-m', 'py_compile', file], { encoding: 'utf8' }).status).toBe(
          0,
        );
        const run = spawnSync('python3', [file, '--check-loss'], {
          input: JSON.stringify({
            student: STUDENT,
            teacher: TEACHER,
            labels: LABELS,
            T,
            alpha: ALPHA,
          }),
          encoding: 'utf8',
        });
        expect(run.stderr).toBe('');
        expect(Number(run.stdout)).toBeCloseTo(ourLoss(objective), 5);
      },
    );
  }
});
