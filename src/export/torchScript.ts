/**
 * “Take it to your own models”: the page's distillation setup as a runnable PyTorch script, with
 * the same loss (the objective's formula, T, α), students, transfer set and schedule, so a learner
 * who outgrows the browser carries the exact setup to a GPU. Carried over: the default roster (one
 * teacher, a distilled student and its hard-label twin from the same first weights, the same batch
 * order); a preset's other members are named in the header as not carried over. The teacher is
 * trained by the script, or loaded from the app's own teacher files (--teacher-json).
 * The loss is also written in numpy (`kd_loss_numpy`, `--check-loss`), which torchScript.test.ts
 * runs on fixed numbers against our tfjs loss when Python is available.
 */
import { TEACHER_DROPOUT } from '../models/architectures.ts';
import type { Settings } from '../state/settingsSchema.ts';
import {
  CHECK_LOSS_MAIN,
  constantsBlock,
  notCarriedOver,
  numpyLossBlock,
  scriptObjective,
  SOFT_TERMS,
} from './scriptCommon.ts';

export { scriptObjective, type ScriptObjective } from './scriptCommon.ts';

/** The script for the page's settings; `pageUrl` is the page's link (its header names it). */
export function settingsToTorchScript(s: Settings, pageUrl: string): string {
  const objective = scriptObjective(s.lossMode) ?? 'hinton';
  const term = SOFT_TERMS[objective];
  const hidden = s.studentSize.split('-').map(Number);
  const notCarried = notCarriedOver(s);
  return `#!/usr/bin/env python3
"""KD Playground, exported as a PyTorch script.

Page: ${pageUrl}
Loss (${objective}): L = ${term.formula}
  KL and CE averaged over the batch; alpha = weight of the hard-label term; predictions at T = 1.
Students: 784-${hidden.join('-')}-10 (ReLU), the distilled one and a hard-label twin with the same
first weights and the same batches. Teacher: 784-1200-1200-10 with dropout (input ${TEACHER_DROPOUT.input}, hidden ${TEACHER_DROPOUT.hidden}).
Transfer set: digits ${s.transferDigits}, ${s.transferFraction * 100}% of the 60,000 training digits, labels ${s.useLabels ? 'used' : 'not used (alpha = 0)'}.
Schedule: ${s.studentEpochs} epochs, batch ${s.batchSize}, Adam lr ${s.learningRate}, seed ${s.seed}.
Not carried over: ${notCarried.length ? notCarried.join('; ') : 'nothing'}.
Random numbers differ from the browser's, so errors match in size, not to the digit.

  pip install torch torchvision numpy
  python3 this_script.py                 # trains the teacher (${s.teacherEpochs} epochs), then both students
  python3 this_script.py --teacher-json teacher.json   # or uses the app's teacher (models/teacher.json + .bin)
  python3 this_script.py --check-loss < numbers.json   # the loss on fixed numbers (numpy only)
"""
import argparse, json, sys
import numpy as np

${constantsBlock(s)}


${numpyLossBlock(objective, 'torch')}


def main():
    import torch, torch.nn as nn, torch.nn.functional as F
    from torchvision import datasets

    def kd_loss(zs, zt, y, T, alpha):
        hard = alpha * F.cross_entropy(zs, y) if alpha > 0 else zs.new_zeros(())
        soft = ${term.torch} if alpha < 1 else zs.new_zeros(())
        return hard + soft

    def mlp(sizes, p_in=0.0, p_hidden=0.0):
        layers = [nn.Dropout(p_in)] if p_in else []
        for i in range(len(sizes) - 1):
            layers.append(nn.Linear(sizes[i], sizes[i + 1]))
            if i + 2 < len(sizes):
                layers += [nn.ReLU()] + ([nn.Dropout(p_hidden)] if p_hidden else [])
        return nn.Sequential(*layers)

    parser = argparse.ArgumentParser()
    parser.add_argument('--teacher-json', help="the app's models/teacher.json (its .bin beside it)")
    args = parser.parse_args()
    torch.manual_seed(SEED)
    device = 'cuda' if torch.cuda.is_available() else 'cpu'
    train = datasets.MNIST('data', train=True, download=True)
    test = datasets.MNIST('data', train=False, download=True)
    x_train = train.data.reshape(-1, 784).float().div(255)
    y_train = train.targets
    x_test = test.data.reshape(-1, 784).float().div(255).to(device)
    y_test = test.targets.to(device)

    teacher = mlp([784, 1200, 1200, 10], ${TEACHER_DROPOUT.input}, ${TEACHER_DROPOUT.hidden})
    if args.teacher_json:
        load_tfjs_weights(teacher, args.teacher_json)
    teacher = teacher.to(device)
    if not args.teacher_json:
        fit(teacher, x_train, y_train, TEACHER_EPOCHS, lambda z, zt, y: F.cross_entropy(z, y), None, device)
    teacher.eval()

    g = torch.Generator().manual_seed(SEED)
    subset = torch.randperm(len(x_train), generator=g)[: round(FRACTION * len(x_train))]
    keep = subset[torch.isin(y_train[subset], torch.tensor(DIGITS))]
    x, y = x_train[keep], y_train[keep]
    distilled = mlp([784, *HIDDEN, 10]).to(device)
    control = mlp([784, *HIDDEN, 10]).to(device)
    control.load_state_dict(distilled.state_dict())  # twins: the same first weights
    order = torch.Generator().manual_seed(SEED + 1)
    fit(distilled, x, y, EPOCHS, lambda z, zt, y: kd_loss(z, zt, y, T, ALPHA), teacher, device, order)
    if USE_LABELS:
        order = torch.Generator().manual_seed(SEED + 1)
        fit(control, x, y, EPOCHS, lambda z, zt, y: F.cross_entropy(z, y), None, device, order)
    for name, model in [('teacher', teacher), ('distilled', distilled), ('control', control)]:
        model.eval()
        with torch.no_grad():
            errors = (model(x_test).argmax(1) != y_test).sum().item()
        print(f'{name}: {errors} test errors of {len(y_test)}')


def fit(model, x, y, epochs, loss_fn, teacher, device, generator=None):
    import torch
    opt = torch.optim.Adam(model.parameters(), lr=LR)
    for epoch in range(epochs):
        model.train()
        perm = torch.randperm(len(x), generator=generator)
        for i in range(0, len(x) - BATCH + 1, BATCH):
            xb, yb = x[perm[i : i + BATCH]].to(device), y[perm[i : i + BATCH]].to(device)
            with torch.no_grad():
                zt = teacher(xb) if teacher is not None else None
            loss = loss_fn(model(xb), zt, yb)
            opt.zero_grad()
            loss.backward()
            opt.step()


def load_tfjs_weights(model, json_path):
    """The app's weights file: a TensorFlow.js manifest (float16 or uint8-quantized) + one .bin."""
    import os, torch
    meta = json.load(open(json_path))
    group = meta['weightsManifest'][0]
    data = open(os.path.join(os.path.dirname(json_path), group['paths'][0]), 'rb').read()
    tensors, at = [], 0
    for w in group['weights']:
        n = int(np.prod(w['shape']))
        q = w.get('quantization')
        if q and q['dtype'] == 'uint8':
            v = np.frombuffer(data, np.uint8, n, at) * q['scale'] + q['min']; at += n
        elif q and q['dtype'] == 'float16':
            v = np.frombuffer(data, np.float16, n, at).astype(np.float32); at += 2 * n
        else:
            v = np.frombuffer(data, np.float32, n, at); at += 4 * n
        tensors.append(torch.tensor(np.array(v, np.float32).reshape(w['shape'])))
    linears = [m for m in model if isinstance(m, torch.nn.Linear)]
    for k, linear in enumerate(linears):
        linear.weight.data = tensors[2 * k].T.contiguous()  # tfjs kernels are [in, out]
        linear.bias.data = tensors[2 * k + 1]


${CHECK_LOSS_MAIN}
`;
}
