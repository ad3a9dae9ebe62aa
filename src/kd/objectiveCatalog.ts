/**
 * What the page knows of each objective: name, formula, source and term names, as data. Free of
 * TensorFlow.js, so the page can import it; the tensor code is in objectives/ (objectives.ts).
 */
import type { ObjectiveId, ObjectiveInfo } from './objective.ts';

// In the general formulas (typeset inline, so they may wrap after a top-level + or =), (1 − α)
// is braced into one group: the line never breaks inside it.
const CE = String.raw`\mathrm{CE}\big(y,\ \mathrm{softmax}(z_s)\big)`;
const HARD = String.raw`\alpha\,${CE}`;

export const OBJECTIVE_CATALOG: Record<ObjectiveId, ObjectiveInfo> = {
  hard: {
    id: 'hard',
    label: 'Hard labels',
    formula: String.raw`L = ${CE}`,
    termFormulas: { hard: CE },
    source: 'Cross-entropy with the true labels: the control, no teacher.',
    termNames: ['hard'],
    needsTeacher: false,
    needsHint: false,
  },
  hinton: {
    id: 'hinton',
    label: 'Hinton KD',
    formula: String.raw`L = ${HARD} + {(1-\alpha)}\,T^2\,\mathrm{KL}\big(\mathrm{softmax}(z_t/T)\,\|\,\mathrm{softmax}(z_s/T)\big)`,
    termFormulas: {
      hard: HARD,
      soft: String.raw`(1-\alpha)\,T^2\,\mathrm{KL}\big(\mathrm{softmax}(z_t/T)\,\|\,\mathrm{softmax}(z_s/T)\big)`,
    },
    source: 'Hinton, Vinyals & Dean (2015), “Distilling the Knowledge in a Neural Network”',
    termNames: ['hard', 'soft'],
    needsTeacher: true,
    needsHint: false,
  },
  'soft-ce': {
    id: 'soft-ce',
    label: 'Soft-target cross-entropy',
    formula: String.raw`L = ${HARD} + {(1-\alpha)}\,T^2\,\mathrm{CE}\big(\mathrm{softmax}(z_t/T),\ \mathrm{softmax}(z_s/T)\big)`,
    termFormulas: {
      hard: HARD,
      soft: String.raw`(1-\alpha)\,T^2\,\mathrm{CE}\big(\mathrm{softmax}(z_t/T),\ \mathrm{softmax}(z_s/T)\big)`,
    },
    source:
      'Hinton, Vinyals & Dean (2015): cross-entropy with the soft targets; it equals KL plus the teacher’s entropy, so the gradient is the same and the value is larger.',
    termNames: ['hard', 'soft'],
    needsTeacher: true,
    needsHint: false,
  },
  'logit-mse': {
    id: 'logit-mse',
    label: 'Logit matching',
    formula: String.raw`L = ${HARD} + {(1-\alpha)}\,\tfrac{1}{NK}\textstyle\sum_{n,i}\big((z_{s}-\bar z_{s}) - (z_{t}-\bar z_{t})\big)_{n,i}^2`,
    termFormulas: {
      hard: HARD,
      soft: String.raw`(1-\alpha)\,\mathrm{MSE}\big(z_s-\bar z_s,\ z_t-\bar z_t\big)`,
    },
    source:
      'Ba & Caruana (2014), “Do Deep Nets Really Need to be Deep?”: the T → ∞ limit of Hinton KD (T²·KL → ½ of this).',
    termNames: ['hard', 'soft'],
    needsTeacher: true,
    needsHint: false,
  },
  dkd: {
    id: 'dkd',
    label: 'Decoupled KD',
    formula: String.raw`L = ${HARD} + {(1-\alpha)}\,T^2\big(A\,\mathrm{TCKD} + B\,\mathrm{NCKD}\big)`,
    termFormulas: {
      hard: HARD,
      tckd: String.raw`(1-\alpha)\,T^2 A\,\mathrm{KL}(b_t\,\|\,b_s)`,
      nckd: String.raw`(1-\alpha)\,T^2 B\,\mathrm{KL}(\hat p_t\,\|\,\hat p_s)`,
    },
    source:
      'Zhao et al. (2022), “Decoupled Knowledge Distillation”: KD = TCKD + (1 − p_t)·NCKD; DKD weights the two terms apart (A = 1, B = 8 here).',
    termNames: ['hard', 'tckd', 'nckd'],
    needsTeacher: true,
    needsHint: false,
  },
  hint: {
    id: 'hint',
    label: 'Hint (FitNets)',
    formula: String.raw`L = \beta\,\tfrac{1}{NU}\textstyle\sum_{n,u}\big(W_r h_s + b_r - h_t\big)_{n,u}^2`,
    termFormulas: { hint: String.raw`\beta\,\mathrm{MSE}\big(W_r h_s + b_r,\ h_t\big)` },
    source:
      'Romero et al. (2015), “FitNets: Hints for Thin Deep Nets”: a learned linear map of a student hidden layer regresses a teacher hidden layer.',
    termNames: ['hint'],
    needsTeacher: true,
    needsHint: true,
  },
};

/** The objectives the page's loss-mode control offers for the distilled learner. */
export const LOSS_MODES = ['hinton', 'soft-ce', 'logit-mse', 'dkd'] as const;
export type LossMode = (typeof LOSS_MODES)[number];
