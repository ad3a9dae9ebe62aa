import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../state/settingsSchema.ts';
import { settingsToKerasScript } from './kerasScript.ts';
import { LOSS_NUMBERS, ourLoss, onCpuBackend } from './scriptLoss.testutil.ts';

onCpuBackend();

const hasPython = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;

describe('the Keras 3 script', () => {
  for (const objective of ['hinton', 'soft-ce', 'logit-mse'] as const) {
    const script = settingsToKerasScript(
      {
        ...DEFAULT_SETTINGS,
        lossMode: objective,
        temperature: LOSS_NUMBERS.T,
        alpha: LOSS_NUMBERS.alpha,
      },
      'https://example.org/kd/?T=3',
    );

    it(`uses keras.distillation for the ${objective} loss with the page's T, α and schedule`, () => {
      expect(script).toContain('T = 3\nALPHA = 0.25\n');
      expect(script).toContain(
        'EPOCHS = 5\nTEACHER_EPOCHS = 2\nBATCH = 128\nLR = 0.001\nSEED = 1\n',
      );
      expect(script).toContain('HIDDEN = [800,800]');
      expect(script).toContain('keras.distillation.Distiller(');
      expect(script).toContain('student_loss_weight=ALPHA');
      if (objective === 'hinton')
        expect(script).toContain(
          'keras.distillation.LogitsDistillation(temperature=T, loss=keras.losses.KLDivergence())',
        );
      if (objective === 'soft-ce')
        expect(script).toContain('distillation_losses=SoftTargetCrossEntropy(T)');
      if (objective === 'logit-mse')
        expect(script).toContain('distillation_losses=LogitMatching()');
      // The two soft terms Keras has no built-in for, in keras.ops (the Distiller adds 1 − α).
      expect(script).toContain('return t * t * ops.mean(ops.sum(-p_t * log_q_s, axis=-1))');
      expect(script).toContain(
        'return ops.mean(ops.square(d - ops.mean(d, axis=-1, keepdims=True)))',
      );
      // Keras's default backend is TensorFlow: without it, the script picks JAX or PyTorch.
      expect(script).toContain("os.environ['KERAS_BACKEND'] = 'jax' if");
    });

    it.skipIf(!hasPython)(
      `computes the ${objective} loss as ours does (numpy, --check-loss)`,
      () => {
        const dir = mkdtempSync(join(tmpdir(), 'kd-keras-'));
        const file = join(dir, 'distill.py');
        writeFileSync(file, script);
        expect(spawnSync('python3', ['-m', 'py_compile', file], { encoding: 'utf8' }).status).toBe(
          0,
        );
        const run = spawnSync('python3', [file, '--check-loss'], {
          input: JSON.stringify({
            student: LOSS_NUMBERS.student,
            teacher: LOSS_NUMBERS.teacher,
            labels: LOSS_NUMBERS.labels,
            T: LOSS_NUMBERS.T,
            alpha: LOSS_NUMBERS.alpha,
          }),
          encoding: 'utf8',
        });
        expect(run.stderr).toBe('');
        expect(Number(run.stdout)).toBeCloseTo(ourLoss(objective), 5);
      },
    );
  }
});
