import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../state/settingsSchema.ts';
import {
  ALPHA,
  LABELS,
  ourLoss,
  STUDENT,
  T,
  TEACHER,
  onCpuBackend,
} from './scriptLoss.testutil.ts';
import { settingsToTorchScript } from './torchScript.ts';

onCpuBackend();

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
