/**
 * What the exported scripts share (torchScript.ts, kerasScript.ts): each objective's soft term
 * (numpy, and its formula), what a script does not carry over, the constants block, the numpy
 * loss with `--check-loss`, and the reader of the app's TensorFlow.js weights files.
 */
import { presetById } from '../state/presets.ts';
import type { Settings } from '../state/settingsSchema.ts';

/** The objectives the script can express, and each one's soft term in numpy and torch. */
export const SOFT_TERMS = {
  hinton: {
    numpy: '(1 - alpha) * T * T * np.mean(np.sum(p_t * (log_p_t - log_q_s), axis=1))',
    torch:
      "(1 - alpha) * T * T * F.kl_div(F.log_softmax(zs / T, dim=1), F.softmax(zt / T, dim=1), reduction='batchmean')",
    formula:
      'alpha * CE(y, softmax(z_s)) + (1 - alpha) * T^2 * KL(softmax(z_t/T) || softmax(z_s/T))',
  },
  'soft-ce': {
    numpy: '(1 - alpha) * T * T * np.mean(np.sum(-p_t * log_q_s, axis=1))',
    torch:
      '(1 - alpha) * T * T * torch.mean(torch.sum(-F.softmax(zt / T, dim=1) * F.log_softmax(zs / T, dim=1), dim=1))',
    formula: 'alpha * CE(y, softmax(z_s)) + (1 - alpha) * T^2 * CE(softmax(z_t/T), softmax(z_s/T))',
  },
  'logit-mse': {
    numpy: '(1 - alpha) * np.mean(np.square((zs - zt) - np.mean(zs - zt, axis=1, keepdims=True)))',
    torch:
      '(1 - alpha) * torch.mean(torch.square((zs - zt) - torch.mean(zs - zt, dim=1, keepdim=True)))',
    formula:
      'alpha * CE(y, softmax(z_s)) + (1 - alpha) * mean(((z_s - mean z_s) - (z_t - mean z_t))^2)',
  },
} as const;

export type ScriptObjective = keyof typeof SOFT_TERMS;

export function scriptObjective(lossMode: Settings['lossMode']): ScriptObjective | null {
  return lossMode in SOFT_TERMS ? (lossMode as ScriptObjective) : null;
}

export const pyBool = (b: boolean) => (b ? 'True' : 'False');

/** The page's settings a script cannot express, for its header. */
export function notCarriedOver(s: Settings): string[] {
  const preset = presetById(s.preset);
  return [
    ...(preset?.members
      ? [
          `the preset's own roster (${preset.title}): only one teacher, the distilled student and its control are scripted`,
        ]
      : []),
    ...(scriptObjective(s.lossMode) ? [] : [`the loss "${s.lossMode}": Hinton KD is used instead`]),
    ...(s.biasShift !== 0 && s.biasClasses ? ['the test-time bias shift'] : []),
  ];
}

/** The run's constants, as Python. */
export function constantsBlock(s: Settings): string {
  const hidden = s.studentSize.split('-').map(Number);
  return `T = ${s.temperature}
ALPHA = ${s.useLabels ? s.alpha : 0}
EPOCHS = ${s.studentEpochs}
TEACHER_EPOCHS = ${s.teacherEpochs}
BATCH = ${s.batchSize}
LR = ${s.learningRate}
SEED = ${s.seed}
HIDDEN = ${JSON.stringify(hidden)}
DIGITS = ${JSON.stringify(s.transferDigits.split('').map(Number))}
FRACTION = ${s.transferFraction}
USE_LABELS = ${pyBool(s.useLabels)}`;
}

/** The loss in numpy (what `--check-loss` prints), term for term as the framework's code. */
export function numpyLossBlock(objective: ScriptObjective, framework: string): string {
  return `def log_softmax_numpy(z):
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def kd_loss_numpy(zs, zt, y, T, alpha):
    """The loss in numpy, term for term as the ${framework} code below."""
    zs, zt = np.asarray(zs, np.float64), np.asarray(zt, np.float64)
    hard = alpha * np.mean(-log_softmax_numpy(zs)[np.arange(len(y)), y]) if alpha > 0 else 0.0
    log_q_s = log_softmax_numpy(zs / T)
    log_p_t = log_softmax_numpy(zt / T)
    p_t = np.exp(log_p_t)
    soft = ${SOFT_TERMS[objective].numpy} if alpha < 1 else 0.0
    return hard + soft`;
}

/** Reads the app's weights file (a TensorFlow.js manifest, float16 or uint8, one .bin) into numpy. */
export const READ_TFJS_WEIGHTS = `def read_tfjs_weights(json_path):
    """The app's weights file: a TensorFlow.js manifest (float16 or uint8-quantized) + one .bin."""
    import os
    meta = json.load(open(json_path))
    group = meta['weightsManifest'][0]
    data = open(os.path.join(os.path.dirname(json_path), group['paths'][0]), 'rb').read()
    arrays, at = [], 0
    for w in group['weights']:
        n = int(np.prod(w['shape']))
        q = w.get('quantization')
        if q and q['dtype'] == 'uint8':
            v = np.frombuffer(data, np.uint8, n, at) * q['scale'] + q['min']; at += n
        elif q and q['dtype'] == 'float16':
            v = np.frombuffer(data, np.float16, n, at).astype(np.float32); at += 2 * n
        else:
            v = np.frombuffer(data, np.float32, n, at); at += 4 * n
        arrays.append(np.array(v, np.float32).reshape(w['shape']))
    return arrays  # kernels [in, out], then biases, layer by layer`;

export const CHECK_LOSS_MAIN = `if __name__ == '__main__':
    if '--check-loss' in sys.argv:
        n = json.load(sys.stdin)
        print(json.dumps(kd_loss_numpy(n['student'], n['teacher'], np.asarray(n['labels']), n['T'], n['alpha'])))
    else:
        main()`;
