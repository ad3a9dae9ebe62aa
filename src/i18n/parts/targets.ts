/**
 * The words of the page's soft targets (components use them as t('targets.…')): the panel, its
 * digit cards and probability bars. Formulas (softmax(z / T), p(c)) stay as they are.
 */
import { part } from './part.ts';

export const targetsPart = part(
  {
    title: 'Soft targets at',
    logScale: 'Log scale',
    hintStart: 'softmax(z / T) of the',
    listComma: ', the ',
    listAnd: ' and the ',
    hintEnd:
      ". Raise T and the teacher's small probabilities for wrong classes (its “dark knowledge”) become visible targets.",
    models: 'Models whose bars are shown',
    digits: 'Choose test digits to inspect',
    imageTitle: 'Test image #{{index}} (a {{label}})',
    digitLabel: 'test digit {{label}}',
    loading: 'Loading the test digits…',
    card: {
      image: 'a handwritten {{label}}',
      trueLabel: 'true label {{label}}',
      top: '{{name}} top: {{classes}}',
      mseTitle:
        "Mean squared difference of the {{learner}}'s and the {{teacher}}'s zero-meaned logits on this digit (the T → ∞ limit of distillation)",
      mse: 'logit-matching MSE: {{value}}',
      waiting: 'Waiting for the models…',
    },
    bars: 'Softmax probability per class',
  },
  {
    title: '软目标，当前',
    logScale: '对数刻度',
    hintStart: '以下模型的 softmax(z / T)：',
    listComma: '、',
    listAnd: ' 和 ',
    hintEnd: '。升高 T，教师给错误类别的那些小概率（它的“暗知识”）就会变成看得见的目标。',
    models: '显示哪些模型的柱形',
    digits: '选择要查看的测试数字',
    imageTitle: '测试图像 #{{index}}（数字 {{label}}）',
    digitLabel: '测试数字 {{label}}',
    loading: '正在加载测试数字…',
    card: {
      image: '手写数字 {{label}}',
      trueLabel: '真实标签 {{label}}',
      top: '{{name}} 的前几名：{{classes}}',
      mseTitle:
        '{{learner}} 与 {{teacher}} 在这个数字上零均值化 logits 的均方差（蒸馏在 T → ∞ 时的极限）',
      mse: 'logits 匹配 MSE：{{value}}',
      waiting: '等待模型…',
    },
    bars: '各类别的 softmax 概率',
  },
);
