/**
 * The words of the page's charts (components use them as t('charts.…')): titles, descriptions
 * (the plots' text alternative), axes, tooltips, the tables behind “As a table”, and the loss
 * terms as the loss chart's legend names them. Formulas and symbols stay as they are.
 */
import { part } from './part.ts';

export const chartsPart = part(
  {
    epochAxis: 'epochs of training (each model)',
    epochAt: 'epoch {{epoch}}',
    listSeparator: ', ',
    download: {
      group: 'Download “{{title}}”',
      pngTitle: 'Download this chart as a PNG image (twice the size on screen)',
      svgTitle: 'Download this chart as an SVG drawing',
      noPlot: 'the chart has nothing drawn yet',
      failed: 'The image could not be made: {{message}}',
    },
    table: {
      toggle: 'As a table',
      label: '{{caption}}: points',
      lastRows: ' (the last {{shown}} of {{total}} points)',
      epoch: 'epoch',
    },
    accuracy: {
      title: 'Test accuracy (10,000 digits)',
      description: 'Test accuracy over epochs; latest: {{summary}} at epoch {{epoch}}.',
      empty: 'Test accuracy over epochs: no evaluation yet.',
      axis: 'accuracy',
    },
    loss: {
      title: 'Training loss (log scale)',
      description: 'Training loss over epochs, log scale; latest at epoch {{epoch}}: {{summary}}.',
      empty: 'Training loss over epochs: no training step yet.',
      axis: 'loss',
      total: 'total',
      terms: {
        ce: 'CE',
        hard: 'α·CE (hard)',
        hintonSoft: '(1−α)·T²·KL (soft)',
        softCeSoft: '(1−α)·T²·CE (soft)',
        logitMseSoft: '(1−α)·MSE of logits (soft)',
        tckd: 'TCKD (target class)',
        nckd: 'NCKD (other classes)',
        hint: 'β·MSE (hint)',
      },
    },
    fidelity: {
      title: 'Agreement with the teacher (test digits)',
      description:
        'Top-1 agreement with the teacher over epochs; latest, at epoch {{epoch}}: {{summary}}.',
      empty: 'Top-1 agreement with the teacher over epochs: no evaluation of a student yet.',
      agrees: '{{learner}} agrees with {{teachers}} on {{percent}}',
      kl: ' (KL {{kl}} nats)',
      and: ' and ',
      separator: '; ',
      note: "Share of test digits on which the student's most likely class is the teacher's. High accuracy does not need high agreement: a student can be right where the teacher is wrong.",
      axis: 'same top-1 class',
      tooltip: '{{percent}} agree',
      tooltipKl: ' · KL {{kl}} nats',
    },
  },
  {
    epochAxis: '训练轮次（每个模型各自计）',
    epochAt: '第 {{epoch}} 轮',
    listSeparator: '，',
    download: {
      group: '下载“{{title}}”',
      pngTitle: '将此图表下载为 PNG 图片（屏幕尺寸的两倍）',
      svgTitle: '将此图表下载为 SVG 矢量图',
      noPlot: '图表尚未绘制任何内容',
      failed: '无法生成图片：{{message}}',
    },
    table: {
      toggle: '以表格显示',
      label: '{{caption}}：数据点',
      lastRows: '（共 {{total}} 个数据点，显示最后 {{shown}} 个）',
      epoch: '轮次',
    },
    accuracy: {
      title: '测试准确率（10,000 个数字）',
      description: '测试准确率随训练轮次的变化；第 {{epoch}} 轮的最新值：{{summary}}。',
      empty: '测试准确率随训练轮次的变化：尚未评估。',
      axis: '准确率',
    },
    loss: {
      title: '训练损失（对数刻度）',
      description: '训练损失随训练轮次的变化（对数刻度）；第 {{epoch}} 轮的最新值：{{summary}}。',
      empty: '训练损失随训练轮次的变化：尚未进行训练步。',
      axis: '损失',
      total: '总损失',
      terms: {
        ce: 'CE',
        hard: 'α·CE（硬标签）',
        hintonSoft: '(1−α)·T²·KL（软目标）',
        softCeSoft: '(1−α)·T²·CE（软目标）',
        logitMseSoft: '(1−α)·logits 的 MSE（软目标）',
        tckd: 'TCKD（目标类）',
        nckd: 'NCKD（非目标类）',
        hint: 'β·MSE（提示）',
      },
    },
    fidelity: {
      title: '与教师的一致率（测试数字）',
      description: '与教师的 top-1 一致率随训练轮次的变化；第 {{epoch}} 轮的最新值：{{summary}}。',
      empty: '与教师的 top-1 一致率随训练轮次的变化：尚未评估任何学生。',
      agrees: '{{learner}} 与 {{teachers}} 的一致率为 {{percent}}',
      kl: '（KL {{kl}} nats）',
      and: ' 和 ',
      separator: '；',
      note: '学生的最可能类别与教师相同的测试数字所占比例。准确率高并不需要一致率高：学生可能在教师出错的地方答对。',
      axis: 'top-1 类别相同',
      tooltip: '一致 {{percent}}',
      tooltipKl: ' · KL {{kl}} nats',
    },
  },
);
