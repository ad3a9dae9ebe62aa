/**
 * The words of the page's settings (components use them as t('settings.…')): every setting's
 * label and help, the Run settings panel, and the notices about a link's values. Labels and help
 * are the English of the settings table (settingsSchema.ts), and the notices' English wording is
 * the one urlState.ts and settingValue.ts write, so the English page reads exactly as they say.
 * Key names in links (T=, alpha=), option values and numbers stay as they are.
 */
import type { SettingKey } from '../../state/settingsSchema.ts';
import { SETTING_KEYS, SETTINGS_SCHEMA } from '../../state/settingsSchema.ts';
import { part } from './part.ts';

const fromSchema = (field: 'label' | 'help') =>
  Object.fromEntries(SETTING_KEYS.map((k) => [k, SETTINGS_SCHEMA[k][field]])) as Record<
    SettingKey,
    string
  >;

export const settingsPart = part(
  {
    title: 'Run settings',
    labels: fromSchema('label'),
    help: fromSchema('help'),
    /** Options shown in words; the others are shown as their URL values. */
    options: {
      ensembleRule: {
        'mean-probabilities': 'mean of probabilities',
        'mean-logits': 'mean of logits',
      },
      teacherSource: { pretrained: 'pretrained', train: 'train' },
      backend: { auto: 'auto' },
      workers: { auto: 'auto' },
    },
    digit: '{{label}}: {{digit}}',
    newRun: 'Changing these starts a new run.',
    newRunBackend: 'Changing these starts a new run and reloads the engine.',
    apply: 'Apply & restart',
    notices: {
      unknownKey: 'Unknown setting "{{given}}" ignored.',
      unknownKeyNear: 'Unknown setting "{{given}}" ignored; did you mean "{{near}}"?',
      repeated: '{{urlKey}} is given {{times}} times; using the last, {{urlKey}}={{given}}.',
      value: '{{urlKey}}={{given}} {{reason}}',
      stepPastEnd:
        '{{urlKey}}={{given}}: the lesson “{{lesson}}” has {{steps}} steps; using {{used}}.',
      stepWithoutLesson: '{{urlKey}}={{given}} ignored: no lesson is chosen.',
      reasons: {
        aboveMax: 'is above the maximum {{limit}}; using {{used}}.',
        belowMin: 'is below the minimum {{limit}}; using {{used}}.',
        notWhole: 'is not a whole number; using {{used}}.',
        rounded: 'is rounded to {{precision}}; using {{used}}.',
        nearest: 'is not one of {{options}}; using the nearest, {{used}}.',
        fallback: '{{problem}}; using the default {{used}}.',
        notDigits: 'has characters that are not digits; using {{used}}.',
        unknownName: 'has a name that is not one of {{options}}; using {{used}}.',
        unknownNames: 'has {{unknown}} names that are not one of {{options}}; using {{used}}.',
      },
      problems: {
        empty: 'is empty',
        notNumber: 'is not a number',
        notOption: 'is not one of {{options}}',
        noDigits: 'names no digit 0–9',
        notBooleanWord: 'is not a boolean (1, 0, true or false)',
        notBoolean: 'is not a boolean',
        notDigitSet: 'is not a set of digits',
        notNameList: 'is not a list of {{options}}',
      },
      precision: {
        step: 'a step of {{step}}',
        digits: '{{digits}} significant digits',
        stored: 'its stored precision',
      },
      none: 'none',
      listSeparator: ', ',
      listCut: '{{listed}}, … ({{total}} in all)',
    },
  },
  {
    title: '运行设置',
    labels: {
      lesson: '课程',
      lessonStep: '课程步骤',
      preset: '预设',
      temperature: '温度 T',
      alpha: 'α（硬标签的权重）',
      lossMode: '蒸馏学生的损失',
      ensembleRule: '集成的平均方式',
      studentSize: '学生规模',
      seed: '随机种子',
      batchSize: '批大小',
      learningRate: '学习率',
      teacherEpochs: '教师训练轮数',
      studentEpochs: '学生训练轮数',
      evalEvery: '评估间隔（步）',
      backend: '后端',
      workers: '训练工作线程',
      teacherSource: '教师',
      transferDigits: '迁移集中的数字',
      transferFraction: '训练集占比',
      useLabels: '使用标签',
      biasClasses: '调整偏置的类别',
      biasShift: '偏置平移量',
      logScale: '对数刻度',
      explore: '探索面板',
      embed: '嵌入',
      hide: '隐藏的面板',
      theme: '主题',
      lang: '语言',
      lock: '锁定设置',
    },
    help: {
      lesson: '引导式课程：每一步都会把页面设置好，请你做一件事，并在你的运行上检验一个论断。',
      lessonStep: '课程的第几步，从 1 开始。',
      preset: 'Hinton, Vinyals & Dean（2015）中的一个实验；它会设定下面的各项值，你仍然可以修改。',
      temperature:
        '软化教师和学生的 softmax：p_i = exp(z_i/T) / Σ exp(z_j/T)。T 越高，越能显现教师关于错误类别的“暗知识”。',
      alpha:
        '损失 = α · CE(真实标签) + (1 − α) · T² · KL(教师 ‖ 温度 T 下的学生)。α = 0 时只从软目标学习。',
      lossMode:
        '蒸馏学生在 α · CE 之外最小化的目标：Hinton KD（温度 T 下的 T² · KL）、软目标交叉熵、logits 匹配（零均值化 logits 的 MSE，即 T → ∞ 的极限）或解耦 KD（目标类与非目标类两项分别加权）。',
      ensembleRule:
        '集成中的各个教师如何合成一个目标：取它们在温度 T 下概率的平均，或取它们 logits 的平均。仅用于带集成的预设。',
      studentSize: '两个学生（蒸馏学生和对照学生）的隐藏层，每层的单元数。',
      seed: '决定权重初始化、dropout 和批次顺序，因此分享的链接能复现同一次运行。',
      batchSize: '每个梯度步使用的训练样本数。',
      learningRate: '教师和两个学生的优化器步长。',
      teacherEpochs: '蒸馏开始之前，教师遍历训练集的次数。',
      studentEpochs: '蒸馏学生和对照学生遍历迁移集的次数。',
      evalEvery: '两次在测试集上评估之间的训练步数。越小曲线越平滑，但越慢。',
      backend:
        'TensorFlow.js 后端。“自动”（auto）选用能正常工作的最快后端；更改后会重新加载 worker。',
      workers:
        '学习者在几个工作线程中训练。选 2 时，第二个工作线程同时在相同的批次上训练一半的学习者；“自动”（auto）只在页面自身之外还有空闲核心时才用 2 个。更改后会重新加载引擎。',
      teacherSource: '从应用自带的预训练教师开始，或者先训练你自己的教师。',
      transferDigits: '学生可以在哪些数字类别上训练（教师始终见过全部十个类别）。',
      transferFraction: '迁移集占 60,000 个训练数字的比例（按随机种子抽取的随机子集）。',
      useLabels: '关闭时迁移集没有标签：蒸馏学生只从软目标学习（α = 0），对照学生无法训练。',
      biasClasses: '在蒸馏学生中平移输出偏置的类别（Hinton 等人把类别 3 的偏置提高了 3.5）。',
      biasShift: '测试时加到蒸馏学生所选类别输出偏置上的常数。',
      logScale: '用对数刻度绘制软目标柱形，让错误类别的极小概率也能显现。',
      explore:
        '打开哪个“深入观察”面板：高温极限、暗知识图、手写你自己的数字、错例、规模权衡，或 T × α 扫描。',
      embed: '隐藏页面的外围界面，便于嵌入课程材料。',
      hide: '页面不显示的面板，以逗号分隔，例如 charts,explore（用于嵌入）。',
      theme: '浅色或深色；“auto”（自动）跟随系统。',
      lang: '英文或简体中文；“auto”（自动）跟随浏览器的语言。',
      lock: '学习者可以训练、暂停和单步执行，但不能更改设置（用于跟随课程的嵌入）。',
    },
    options: {
      ensembleRule: {
        'mean-probabilities': '概率平均',
        'mean-logits': 'logits 平均',
      },
      teacherSource: { pretrained: '预训练', train: '自己训练' },
      backend: { auto: '自动' },
      workers: { auto: '自动' },
    },
    digit: '{{label}}：{{digit}}',
    newRun: '更改这些设置会开始一次新的运行。',
    newRunBackend: '更改这些设置会开始一次新的运行，并重新加载引擎。',
    apply: '应用并重新开始',
    notices: {
      unknownKey: '未知的设置“{{given}}”，已忽略。',
      unknownKeyNear: '未知的设置“{{given}}”，已忽略；你是不是想写“{{near}}”？',
      repeated: '{{urlKey}} 出现了 {{times}} 次；使用最后一个：{{urlKey}}={{given}}。',
      value: '{{urlKey}}={{given}} {{reason}}',
      stepPastEnd: '{{urlKey}}={{given}}：课程“{{lesson}}”只有 {{steps}} 步；改用第 {{used}} 步。',
      stepWithoutLesson: '{{urlKey}}={{given}} 已忽略：没有选择课程。',
      reasons: {
        aboveMax: '超过最大值 {{limit}}，改用 {{used}}。',
        belowMin: '低于最小值 {{limit}}，改用 {{used}}。',
        notWhole: '不是整数，改用 {{used}}。',
        rounded: '已舍入（{{precision}}），改用 {{used}}。',
        nearest: '不是可选值（{{options}}）之一，改用最接近的 {{used}}。',
        fallback: '{{problem}}，改用默认值 {{used}}。',
        notDigits: '含有非数字的字符，改用：{{used}}。',
        unknownName: '含有一个不在可选值（{{options}}）中的名称，改用：{{used}}。',
        unknownNames: '含有 {{unknown}} 个不在可选值（{{options}}）中的名称，改用：{{used}}。',
      },
      problems: {
        empty: '为空',
        notNumber: '不是数字',
        notOption: '不是可选值（{{options}}）之一',
        noDigits: '不含任何数字 0–9',
        notBooleanWord: '不是布尔值（1、0、true 或 false）',
        notBoolean: '不是布尔值',
        notDigitSet: '不是数字集合',
        notNameList: '不是由（{{options}}）组成的列表',
      },
      precision: {
        step: '步长 {{step}}',
        digits: '{{digits}} 位有效数字',
        stored: '存储精度',
      },
      none: '无',
      listSeparator: '、',
      listCut: '{{listed}} 等，共 {{total}} 个',
    },
  },
);
