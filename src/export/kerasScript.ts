/**
 * “Take it to your own models”, for Keras 3: the page's setup through Keras's own distillation
 * API, `keras.distillation.Distiller` (added in Keras 3.12.0), so it runs on any Keras backend
 * (JAX, TensorFlow, PyTorch). Hinton KD is `LogitsDistillation(T, loss=KLDivergence())`: Keras
 * scales both logits by 1/T, takes the batch mean of KL(softmax(z_t/T) ‖ softmax(z_s/T)) and
 * multiplies it by T² (keras/src/distillation/distillation_loss.py), and the Distiller weighs it
 * α · student loss + (1 − α) · distillation loss (distiller.py, `compute_loss`): our loss
 * exactly. The KLDivergence *instance* matters: softmax and T² are applied only when
 * `isinstance(loss, keras.losses.KLDivergence)` (3.12.0 to 3.15.1), and the default string
 * "kl_divergence" resolves to the plain function, so Keras would take KL of the scaled logits.
 * Soft-target CE and logit matching are DistillationLoss subclasses in keras.ops. Keras's
 * default backend is TensorFlow; where it is not installed the script picks JAX, else PyTorch.
 * The numpy loss (`--check-loss`) is the one kerasScript.test.ts runs against our tfjs loss.
 */
import { TEACHER_DROPOUT } from '../models/architectures.ts';
import type { Settings } from '../state/settingsSchema.ts';
import {
  CHECK_LOSS_MAIN,
  constantsBlock,
  notCarriedOver,
  numpyLossBlock,
  READ_TFJS_WEIGHTS,
  scriptObjective,
  SOFT_TERMS,
  type ScriptObjective,
} from './scriptCommon.ts';

/** Each objective's distillation loss, as the Distiller takes it. */
const DISTILLATION: Record<ScriptObjective, string> = {
  hinton: `keras.distillation.LogitsDistillation(temperature=T, loss=keras.losses.KLDivergence())`,
  'soft-ce': `SoftTargetCrossEntropy(T)`,
  'logit-mse': `LogitMatching()`,
};

/** keras.ops versions of the soft terms that Keras has no built-in for. */
const CUSTOM_LOSSES = `    class SoftTargetCrossEntropy(keras.distillation.DistillationLoss):
        """T^2 * CE(softmax(z_t/T), softmax(z_s/T)), batch mean (Hinton et al. 2015)."""

        def __init__(self, temperature):
            self.temperature = temperature

        def compute_loss(self, teacher_outputs, student_outputs, **kwargs):
            t = self.temperature
            p_t = ops.softmax(teacher_outputs / t, axis=-1)
            log_q_s = ops.log_softmax(student_outputs / t, axis=-1)
            return t * t * ops.mean(ops.sum(-p_t * log_q_s, axis=-1))

    class LogitMatching(keras.distillation.DistillationLoss):
        """mean(((z_s - mean z_s) - (z_t - mean z_t))^2) (Ba & Caruana 2014): the T -> inf limit."""

        def compute_loss(self, teacher_outputs, student_outputs, **kwargs):
            d = student_outputs - teacher_outputs
            return ops.mean(ops.square(d - ops.mean(d, axis=-1, keepdims=True)))
`;

/** The script for the page's settings; `pageUrl` is the page's link (its header names it). */
export function settingsToKerasScript(s: Settings, pageUrl: string): string {
  const objective = scriptObjective(s.lossMode) ?? 'hinton';
  const hidden = s.studentSize.split('-').map(Number);
  const notCarried = notCarriedOver(s);
  return `#!/usr/bin/env python3
"""KD Playground, exported as a Keras 3 script (keras.distillation, Keras >= 3.12).

Page: ${pageUrl}
Loss (${objective}): L = ${SOFT_TERMS[objective].formula}
  KL and CE averaged over the batch; alpha = weight of the hard-label term; predictions at T = 1.
  Keras: Distiller(student_loss_weight=alpha) adds alpha * student loss + (1 - alpha) * distillation loss.
Students: 784-${hidden.join('-')}-10 (ReLU), the distilled one and a hard-label twin with the same
first weights and the same batches. Teacher: 784-1200-1200-10 with dropout (input ${TEACHER_DROPOUT.input}, hidden ${TEACHER_DROPOUT.hidden}).
Transfer set: digits ${s.transferDigits}, ${s.transferFraction * 100}% of the 60,000 training digits, labels ${s.useLabels ? 'used' : 'not used (alpha = 0)'}.
Schedule: ${s.studentEpochs} epochs, batch ${s.batchSize}, Adam lr ${s.learningRate}, seed ${s.seed}.
Not carried over: ${notCarried.length ? notCarried.join('; ') : 'nothing'}.
Random numbers differ from the browser's, so errors match in size, not to the digit; Keras's
fit also trains on each epoch's last, partial batch, which the page skips.

  pip install "keras>=3.12" jax numpy    # or tensorflow or torch instead of jax (KERAS_BACKEND=...)
  python3 this_script.py                 # trains the teacher (${s.teacherEpochs} epochs), then both students
  python3 this_script.py --teacher-json teacher.json   # or uses the app's teacher (models/teacher.json + .bin)
  python3 this_script.py --check-loss < numbers.json   # the loss on fixed numbers (numpy only)
"""
import argparse, json, sys
import numpy as np

${constantsBlock(s)}


${numpyLossBlock(objective, 'keras.ops')}


${READ_TFJS_WEIGHTS}


def main():
    import importlib.util, os
    if 'KERAS_BACKEND' not in os.environ and not importlib.util.find_spec('tensorflow'):
        os.environ['KERAS_BACKEND'] = 'jax' if importlib.util.find_spec('jax') else 'torch'
    import keras
    from keras import layers, ops

${CUSTOM_LOSSES}
    def mlp(sizes, p_in=0.0, p_hidden=0.0):
        model = keras.Sequential([keras.Input((sizes[0],))])
        if p_in:
            model.add(layers.Dropout(p_in))
        for i, n in enumerate(sizes[1:]):
            last = i + 2 == len(sizes)
            model.add(layers.Dense(n, activation=None if last else 'relu'))
            if p_hidden and not last:
                model.add(layers.Dropout(p_hidden))
        return model

    parser = argparse.ArgumentParser()
    parser.add_argument('--teacher-json', help="the app's models/teacher.json (its .bin beside it)")
    args = parser.parse_args()
    keras.utils.set_random_seed(SEED)
    (x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
    x_train = x_train.reshape(-1, 784).astype('float32') / 255
    x_test = x_test.reshape(-1, 784).astype('float32') / 255
    hard = keras.losses.SparseCategoricalCrossentropy(from_logits=True)

    teacher = mlp([784, 1200, 1200, 10], ${TEACHER_DROPOUT.input}, ${TEACHER_DROPOUT.hidden})
    if args.teacher_json:
        teacher.set_weights(read_tfjs_weights(args.teacher_json))
    else:
        teacher.compile(optimizer=keras.optimizers.Adam(LR), loss=hard)
        teacher.fit(x_train, y_train, batch_size=BATCH, epochs=TEACHER_EPOCHS, verbose=2)

    rng = np.random.default_rng(SEED)
    subset = rng.permutation(len(x_train))[: round(FRACTION * len(x_train))]
    keep = subset[np.isin(y_train[subset], DIGITS)]
    x, y = x_train[keep], y_train[keep]
    distilled = mlp([784, *HIDDEN, 10])
    control = mlp([784, *HIDDEN, 10])
    control.set_weights(distilled.get_weights())  # twins: the same first weights

    distiller = keras.distillation.Distiller(
        teacher=teacher,
        student=distilled,
        distillation_losses=${DISTILLATION[objective]},
        student_loss_weight=ALPHA,
    )
    distiller.compile(optimizer=keras.optimizers.Adam(LR), loss=hard)
    keras.utils.set_random_seed(SEED + 1)  # the same batch order for both twins
    distiller.fit(x, y, batch_size=BATCH, epochs=EPOCHS, verbose=2)
    if USE_LABELS:
        control.compile(optimizer=keras.optimizers.Adam(LR), loss=hard)
        keras.utils.set_random_seed(SEED + 1)
        control.fit(x, y, batch_size=BATCH, epochs=EPOCHS, verbose=2)
    for name, model in [('teacher', teacher), ('distilled', distilled), ('control', control)]:
        predicted = np.argmax(model.predict(x_test, batch_size=1000, verbose=0), axis=1)
        print(f'{name}: {int((predicted != y_test).sum())} test errors of {len(y_test)}')


${CHECK_LOSS_MAIN}
`;
}
