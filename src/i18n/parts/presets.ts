/**
 * The words of the page's presets (components use them as t('presets.…')). The English titles
 * and summaries are the presets' own (state/presets.ts and the files it gathers), so the English
 * page reads exactly as that data says; the Chinese ones are keyed by preset id.
 */
import { PRESETS, type Preset } from '../../state/presets.ts';
import { part } from './part.ts';

type Id = Preset['id'];

const byId = (text: (p: Preset) => string) =>
  Object.fromEntries(PRESETS.map((p) => [p.id, text(p)])) as Record<Id, string>;

export const presetsPart = part(
  {
    heading: 'Experiments',
    label: 'Presets',
    groups: {
      hinton: 'Hinton et al. 2015',
      variants: 'Distillation variants',
      'teacher-quality': 'Teacher quality',
    },
    summaryTitle: '{{title}}.',
    titles: byId((p) => p.title),
    summaries: byId((p) => p.summary),
  },
  {
    heading: '实验',
    label: '预设',
    groups: {
      hinton: 'Hinton 等 2015',
      variants: '蒸馏的变体',
      'teacher-quality': '教师质量',
    },
    summaryTitle: '{{title}}。',
    titles: {
      hinton2015: 'Hinton 2015',
      'small-student': '小型学生',
      'missing-3': '消失的 3',
      'only-78': '只有 7 和 8',
      'no-labels': '没有标签',
      'three-percent': '3% 的数据',
      ensemble: '集成合而为一',
      specialists: '两个专家合而为一',
      'logit-matching': 'logits 匹配 vs 软目标',
      fitnets: '提示（FitNets）',
      'born-again': '再生网络（Born-Again）',
      'teacher-assistant': '助教',
      'teacher-smoothed': '标签平滑的教师',
      'teacher-early': '训练不足的教师',
      'teacher-dropout': '停留在训练模式的教师',
    },
    summaries: {
      hinton2015:
        '论文中的 MNIST 结果：在 T = 20 下蒸馏的 800-800 学生，错误数约为用硬标签训练的同一网络的一半（74 对 146）。',
      'small-student':
        '30-30 的学生无法复制教师知道的一切。T 很高时，软目标会突出错误类别之间微小的 logits 差异，而它没有容量去学这些；中等的 T（论文中为 2.5–4）忽略这些差异，反而胜出。训练初期对照学生可能领先；到最后，蒸馏学生的错误更少。',
      'missing-3':
        '迁移集中没有任何 3，但蒸馏学生仍能认出大多数 3：教师在其他数字上的软目标携带了 3 长什么样的信息。它对类别 3 的偏置太低；把它调高（论文用的是 +3.5）。',
      'only-78':
        '学生只看到 7 和 8。只要调低 7 和 8 的偏置（论文用的是 −7.6），蒸馏学生仍能从教师的软目标中学会其他数字。',
      'no-labels':
        '迁移集没有标签：蒸馏学生只从教师的软目标中学习（α = 0）。硬标签学生则无从学习。',
      'three-percent':
        '只有 1,800 个训练数字。硬标签会过拟合它们；软目标的每个样本携带的信息多得多，所以蒸馏学生的泛化要好得多（论文在语音任务上展示了这一点）。',
      ensemble:
        '三个用不同随机种子训练的 784-1200-1200-10 教师（默认教师训练 25 轮，另外两个各 16 轮；8 位量化后每个 2.4 MB，额外的两个文件只在此预设中下载），以及它们的集成——集成本身也是一个成员：把它的测试错误数与每个成员的比较（成员水平如此悬殊，70 对约 100 个错误，它胜过较弱的两个，但赢不了最好的那个）。一个 300-300 学生从集成的平均输出中蒸馏（对概率还是对 logits 取平均：见“运行设置”）；它的孪生对照从标签学习。Hinton 等（2015）把 10 个语音模型的集成蒸馏成一个模型，保留了集成的大部分增益（帧准确率：单模型 58.9%，集成 61.1%，蒸馏 60.8%）。',
      specialists:
        '一个教师只认识 0–4，另一个只认识 5–9：两者都在全部数字上训练，但把另一半重新标为自己的“都不是我的”类别，正如 Hinton 等（2015，§5）训练专家模型的方式。学生从两者的乘积中学习全部十个数字（一个专家的某个类别有多大分量，取决于另一个专家有多肯定地说“都不是我的”；Vongkulbhisal 等 2019 用同样的方式统一分类器）。把它在每一半上的错误数，与各个专家的、以及用标签训练的学生的进行比较。',
      'logit-matching':
        '同一个 300-300 学生的四个孪生副本，在相同批次上向同一个教师学习：分别用 T = 2、5 和 20 的 KL，以及零均值化 logits 的 MSE（Ba & Caruana 2014），即 T → ∞ 的极限。Hinton 等（2015）表明，高 T 下 KL 的梯度会变成 logits 匹配；学生这么大时，各个高温度最终应该相差不大，而 T = 2 会忽略微小的 logits 差异。',
      fitnets:
        '一个窄的 30-30 学生先通过一个可学习的线性映射来重现教师的第一个隐藏层（即“提示”，Romero 等 2015），然后用 KD 蒸馏；它的孪生副本从相同的初始权重出发，不经过提示阶段，直接用 KD 蒸馏。Romero 等报告提示对深而窄的学生有帮助（CIFAR-10：19 层的 FitNet 为 91.6%，其教师为 90.5%）；我们的学生很浅，看看提示阶段在这里到底有没有用。',
      'born-again':
        '一个与教师同样大小（1200-1200）的学生从教师蒸馏而来；然后第二代再从第一代蒸馏（Furlanello 等 2018，“Born-Again Neural Networks”）。他们报告在 CIFAR-100 上每一代都胜过自己的教师（DenseNet 第 1 代：错误率 17.7% → 16.6%）；在 MNIST 上，教师只有 70 个错误，可提升的空间很小：看看这里第 2 代是否比第 1 代更好。',
      'teacher-assistant':
        '先从教师蒸馏出一个 300-300 的助教，再从助教蒸馏出一个 30-30 学生；它的孪生副本直接从教师蒸馏（Mirzadeh 等 2020，“Improved Knowledge Distillation via Teacher Assistant”：在 CIFAR-10 上，2 层学生直接从教师学习为 70.4%，经过助教为 72.7%）。这里的差距（2.4 M → 24 k 个参数）很大；看看助教是否有帮助。',
      'teacher-smoothed':
        '两个教师用相同的配方和随机种子训练（16 轮），一个用 one-hot 标签，一个用标签平滑后的目标（ε = 0.1，Szegedy 等 2016）；各有一个 300-300 学生向它们学习，另有一个孪生学生从标签学习。Müller, Kornblith & Hinton（2019）报告，标签平滑会让教师在同一类别内给错误类别的概率趋于一致，抹去了学生赖以学习的暗知识：分类器更好，教师却更差。本页实测（npm run reproduce，3 轮）：两个教师分别有 104 和 107 个错误；学生在种子 1 下为 179 和 193，在种子 2 下却是 196 和 181（对照 222、232）：在这种规模的 MNIST 上，这一效应小于不同种子之间的波动。试试其他种子，并比较暗知识图中各教师的行。',
      'teacher-early':
        '默认教师（25 轮）与同一配方的一个早期检查点（种子 3，训练 1 轮后停止，不做权重平均）并列；各有一个 300-300 学生向它们学习，另有一个孪生学生从标签学习。一个在许多数字上仍会出错的教师会把错误传下去：它的学生会差多少，是否仍好于对照？本页实测（npm run reproduce，3 轮）：两个教师分别有 70 和 377 个错误，学生为 174 和 372（种子 1）、172 和 408（种子 2），对照为 222 和 232：早期教师的学生比只从标签学习还差。',
      'teacher-dropout':
        '同一个预训练教师用了两次：一次在推理模式下，一次在生成目标时仍处于训练模式（开启 dropout：10% 的输入、30% 的隐藏单元，掩码在缓存其目标时抽取一次）——这正是忘记调用 model.eval() 的经典静默 bug。它在推理模式下测得的测试错误数看起来一样（70 和 70）；只有学生暴露出损害。本页实测（npm run reproduce，3 轮）：学生为 174 和 191（种子 1）、172 和 200（种子 2），对照为 222 和 232。',
    },
  },
);
