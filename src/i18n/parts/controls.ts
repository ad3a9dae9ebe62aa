/**
 * The words of the page's controls (components use them as t('controls.…')): the training
 * buttons, the T and α sliders, the loss choice and its formula, and the run's roster. Setting
 * labels and objective names are the English of their own tables (settingsSchema.ts,
 * objectiveCatalog.ts), so the English page reads exactly as those tables say.
 */
import type { ObjectiveId } from '../../kd/objective.ts';
import { OBJECTIVE_CATALOG } from '../../kd/objectiveCatalog.ts';
import { SETTINGS_SCHEMA } from '../../state/settingsSchema.ts';
import { part } from './part.ts';

const setting = (key: 'temperature' | 'alpha' | 'lossMode') => ({
  label: SETTINGS_SCHEMA[key].label,
  help: SETTINGS_SCHEMA[key].help,
});

const objective = (id: ObjectiveId) => ({
  label: OBJECTIVE_CATALOG[id].label,
  source: OBJECTIVE_CATALOG[id].source,
});

export const controlsPart = part(
  {
    title: 'Distillation',
    toolbar: 'Training',
    train: 'Train',
    resume: 'Resume',
    pause: 'Pause',
    step: 'Step',
    stepTitle: 'One training step',
    reset: 'Reset',
    resetTitle: 'Start over with new initial weights from the seed',
    trainTeacher: 'Train my own teacher',
    trainTeacherTitle: 'Start over, training a teacher from scratch first',
    pretrainedTeacher: 'Use pretrained teacher',
    pretrainedTeacherTitle: 'Start over with the teacher trained offline (npm run train:teacher)',
    finishTeacher: 'Stop teacher & distill',
    finishTeacherTitle: 'Stop the teacher here and start distilling',
    settings: {
      temperature: setting('temperature'),
      alpha: setting('alpha'),
      lossMode: setting('lossMode'),
    },
    logScale: 'log scale',
    softOnly: '0: soft targets only',
    hardOnly: '1: hard labels only',
    loss: 'Loss',
    lossFixed: 'This experiment sets the losses of its students itself.',
    lossHelp: '{{help}} Changing it starts a new run.',
    objectives: {
      hard: objective('hard'),
      hinton: objective('hinton'),
      'soft-ce': objective('soft-ce'),
      'logit-mse': objective('logit-mse'),
      dkd: objective('dkd'),
      hint: objective('hint'),
    },
    terms: { hard: 'hard', soft: 'soft', tckd: 'tckd', nckd: 'nckd', hint: 'hint' },
    formula: {
      label: 'Loss with alpha {{alpha}} and temperature {{temperature}}',
      lastBatches: '({{terms}}, last batches)',
      legend:
        ': logits of the teacher and the student; softmax(z / T) softens them at temperature T (a subscript T marks a term taken at T). Each term is averaged over the batch.',
      legendT2:
        ': logits of the teacher and the student; softmax(z / T) softens them at temperature T (a subscript T marks a term taken at T). Each term is averaged over the batch; the T² keeps the soft term’s gradients the same size as T changes.',
      termTitle: '{{term}} term: value {{value}}, norm of its gradient {{norm}}',
      gradNorm:
        "‖∇‖: norm of the term's gradient with respect to the student's logits — the larger one drives training.",
    },
    roster: {
      title: 'In this run',
      waiting: 'The models appear once the engine has built them…',
      parameters: '{{size}} parameters',
      transfer: 'Transfer set: {{size}} training digits{{note}}{{labels}}.',
      without: ' (no {{digits}})',
      only: ' (only {{digits}})',
      noLabels: ', without labels',
      pretrained: 'pretrained',
      trainedHere: 'trained here on hard labels',
      fromLearner: 'from {{name}}',
      earlierLearner: 'an earlier learner',
      product: 'product of {{names}}',
      ensemble: 'ensemble of {{names}}',
      rules: {
        'mean-probabilities': 'mean of probabilities',
        'mean-logits': 'mean of logits',
        specialists: 'product',
      },
      distilled: 'distilled',
      distilledFrom: '{{objective}} from {{teachers}}',
      hardLabels: 'hard labels',
      fixed: 'at {{values}}',
      stage: 'stage {{stage}}',
      cannotTrain: 'cannot train here (no labels)',
      comma: ', ',
      two: '{{first}} and {{second}}',
      many: '{{first}} and {{last}}',
    },
  },
  {
    title: '蒸馏',
    toolbar: '训练',
    train: '训练',
    resume: '继续',
    pause: '暂停',
    step: '单步',
    stepTitle: '训练一步',
    reset: '重置',
    resetTitle: '按随机种子重新初始化权重，从头开始',
    trainTeacher: '训练我自己的教师',
    trainTeacherTitle: '从头开始，先从零训练一个教师',
    pretrainedTeacher: '使用预训练教师',
    pretrainedTeacherTitle: '从头开始，使用离线训练好的教师（npm run train:teacher）',
    finishTeacher: '停止训练教师并开始蒸馏',
    finishTeacherTitle: '在此停止训练教师，开始蒸馏',
    settings: {
      temperature: {
        label: '温度 T',
        help: '软化教师和学生的 softmax：p_i = exp(z_i/T) / Σ exp(z_j/T)。T 越高，越能显现教师关于错误类别的“暗知识”。',
      },
      alpha: {
        label: 'α（硬标签的权重）',
        help: '损失 = α · CE(真实标签) + (1 − α) · T² · KL(教师 ‖ 温度 T 下的学生)。α = 0 时只从软目标学习。',
      },
      lossMode: {
        label: '蒸馏学生的损失',
        help: '蒸馏学生在 α · CE 之外最小化的目标：Hinton KD（温度 T 下的 T² · KL）、软目标交叉熵、logits 匹配（零均值化 logits 的 MSE，即 T → ∞ 的极限）或解耦 KD（目标类与非目标类两项分别加权）。',
      },
    },
    logScale: '对数刻度',
    softOnly: '0：只用软目标',
    hardOnly: '1：只用硬标签',
    loss: '损失',
    lossFixed: '本实验自行设定其各个学生的损失。',
    lossHelp: '{{help}}更改后会开始一次新的运行。',
    objectives: {
      hard: { label: '硬标签', source: '与真实标签的交叉熵：对照组，没有教师。' },
      hinton: {
        label: 'Hinton KD',
        source: 'Hinton, Vinyals & Dean（2015），“Distilling the Knowledge in a Neural Network”',
      },
      'soft-ce': {
        label: '软目标交叉熵',
        source:
          'Hinton, Vinyals & Dean（2015）：与软目标的交叉熵；它等于 KL 加上教师分布的熵，因此梯度相同，数值更大。',
      },
      'logit-mse': {
        label: 'logits 匹配',
        source:
          'Ba & Caruana（2014），“Do Deep Nets Really Need to be Deep?”：Hinton KD 在 T → ∞ 时的极限（T²·KL → 此项的 ½）。',
      },
      dkd: {
        label: '解耦 KD',
        source:
          'Zhao 等（2022），“Decoupled Knowledge Distillation”：KD = TCKD + (1 − p_t)·NCKD；DKD 对这两项分别加权（此处 A = 1，B = 8）。',
      },
      hint: {
        label: '提示（FitNets）',
        source:
          'Romero 等（2015），“FitNets: Hints for Thin Deep Nets”：学生的一个隐藏层经可学习的线性映射后，回归教师的一个隐藏层。',
      },
    },
    terms: { hard: '硬标签项', soft: '软目标项', tckd: 'TCKD', nckd: 'NCKD', hint: '提示项' },
    formula: {
      label: '损失：α = {{alpha}}，温度 T = {{temperature}}',
      lastBatches: '（{{terms}}，最近几个批次）',
      legend:
        '：分别是教师和学生的 logits；softmax(z / T) 在温度 T 下将其软化（带下标 T 的项在温度 T 下计算）。每一项都在批次上取平均。',
      legendT2:
        '：分别是教师和学生的 logits；softmax(z / T) 在温度 T 下将其软化（带下标 T 的项在温度 T 下计算）。每一项都在批次上取平均；乘以 T² 使软目标项的梯度大小不随 T 变化。',
      termTitle: '{{term}}：值 {{value}}，梯度范数 {{norm}}',
      gradNorm: '‖∇‖：该项对学生 logits 的梯度范数——范数较大的那一项主导训练。',
    },
    roster: {
      title: '本次运行的模型',
      waiting: '引擎构建好模型后，它们会显示在这里…',
      parameters: '{{size}} 个参数',
      transfer: '迁移集：{{size}} 个训练数字{{note}}{{labels}}。',
      without: '（不含 {{digits}}）',
      only: '（仅 {{digits}}）',
      noLabels: '，无标签',
      pretrained: '预训练',
      trainedHere: '在此用硬标签训练',
      fromLearner: '来自 {{name}}',
      earlierLearner: '先前的学生',
      product: '{{names}} 的乘积',
      ensemble: '{{names}} 的集成',
      rules: {
        'mean-probabilities': '概率平均',
        'mean-logits': 'logits 平均',
        specialists: '乘积',
      },
      distilled: '蒸馏',
      distilledFrom: '{{objective}}（教师：{{teachers}}）',
      hardLabels: '硬标签',
      fixed: '固定 {{values}}',
      stage: '第 {{stage}} 阶段',
      cannotTrain: '无法在此训练（没有标签）',
      comma: '、',
      two: '{{first}} 和 {{second}}',
      many: '{{first}} 和 {{last}}',
    },
  },
);
