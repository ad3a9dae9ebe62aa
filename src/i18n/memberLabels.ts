/**
 * The roster's member names in Chinese. The engine names members in English (recipes, presets,
 * saved runs and scripts keep those names); the page shows them in its language through here.
 * Unknown names stay as they are. memberLabels.test.ts checks every preset's roster is covered.
 */
import type { RosterEntry } from '../engine/protocol.ts';
import type { Language } from './i18n.ts';

const NAMES: Record<string, string> = {
  teacher: '教师',
  'distilled student': '蒸馏学生',
  'control student': '对照学生',
  'control student (hard labels)': '对照学生（硬标签）',
  'control (hard labels)': '对照（硬标签）',
  'teacher (one-hot labels)': '教师（独热标签）',
  'teacher (label smoothing 0.1)': '教师（标签平滑 0.1）',
  'teacher (25 epochs)': '教师（25 轮）',
  'teacher (after 1 epoch)': '教师（训练 1 轮后）',
  'teacher (inference mode)': '教师（推理模式）',
  'teacher (dropout on)': '教师（开启 dropout）',
  'student of the one-hot teacher': '独热教师的学生',
  'student of the smoothed teacher': '平滑教师的学生',
  'student of the trained teacher': '训练充分的教师的学生',
  'student of the early teacher': '早期教师的学生',
  'student of the inference-mode teacher': '推理模式教师的学生',
  'student of the train-mode teacher': '训练模式教师的学生',
  'ensemble of 3': '3 个教师的集成',
  'student from the ensemble': '集成蒸馏的学生',
  'student from both': '由两位专家蒸馏的学生',
  'both specialists': '两位专家合并',
  'specialist 0–4': '专家 0–4',
  'specialist 5–9': '专家 5–9',
  'logit matching (MSE)': 'logit 匹配（MSE）',
  'hint stage': '提示阶段',
  hinted: '带提示的学生',
  'FitNet (hint, then KD)': 'FitNet（先提示，后 KD）',
  FitNet: 'FitNet',
  'KD + hint': 'KD + 提示',
  'KD alone': '仅 KD',
  'generation 1': '第 1 代',
  'generation 2': '第 2 代',
  'generation 1 as teacher': '第 1 代作为教师',
  'assistant 300-300': '助教 300-300',
  'assistant as teacher': '助教作为教师',
  'student from the teacher': '直接向教师学习的学生',
  'student via the assistant': '经助教学习的学生',
};

/** Names with a number in them: "teacher 2", "KL at T = 5". */
const PATTERNS: [RegExp, string][] = [
  [/^teacher (\d+)$/, '教师 $1'],
  [/^KL at T = (.+)$/, 'T = $1 时的 KL'],
];

export function memberLabel(label: string, language: Language): string {
  if (language === 'en') return label;
  if (label in NAMES) return NAMES[label];
  for (const [pattern, replacement] of PATTERNS)
    if (pattern.test(label)) return label.replace(pattern, replacement);
  return label;
}

/** The roster with its names in the page's language (the same array in English). */
export function localizeMembers<M extends Pick<RosterEntry, 'label'>>(
  members: M[],
  language: Language,
): M[] {
  if (language === 'en') return members;
  return members.map((m) => ({ ...m, label: memberLabel(m.label, language) }));
}
